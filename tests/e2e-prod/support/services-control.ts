import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ResendFake } from "../../support/resend-fake";
import type { StripeFake } from "../../support/stripe-fake";

// The fakes live in the Playwright runner (globalSetup); the specs run in a worker process. This
// small HTTP front lets a spec do what the outside world does: a customer paying on Stripe's
// hosted page (complete a session), and a person reading their inbox (the emails Resend got).
// It is the tests' own door to the fakes, never the app's: the app talks to the fakes' real
// wire-format APIs through the real SDKs.

export async function startServicesControl(stripe: StripeFake, resend: ResendFake, port: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const answer = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    try {
      const url = new URL(req.url ?? "/", "http://control");
      let m: RegExpMatchArray | null;
      if (req.method === "POST" && (m = url.pathname.match(/^\/stripe\/sessions\/([^/]+)\/complete$/))) return answer(200, stripe.complete(decodeURIComponent(m[1])));
      if (req.method === "GET" && (m = url.pathname.match(/^\/stripe\/sessions\/([^/]+)$/))) return answer(200, stripe.sessionObject(decodeURIComponent(m[1])));
      if (req.method === "GET" && url.pathname === "/resend/emails") return answer(200, resend.sent);
      answer(404, { error: `no control route ${req.method} ${url.pathname}` });
    } catch (err) {
      answer(400, { error: (err as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

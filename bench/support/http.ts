// A small keep-alive HTTP client on node:http. The load generator spends its CPU on the same two
// cores as the servers it measures, so it is kept as light as possible (no fetch/undici stream
// machinery per request), and it is the same client for the app and for the baseline.
import http from "node:http";

export type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export type HttpRequest = {
  port: number;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

export class HttpClient {
  private readonly agent: http.Agent;

  constructor(maxSockets: number) {
    // Idle sockets are dropped after 4 s, before the server's 5 s keep-alive timeout closes them
    // under a request just being written.
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: 4_000 });
  }

  async request(req: HttpRequest, timeoutMs = 60_000): Promise<HttpResponse> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.send(req, timeoutMs);
      } catch (error) {
        // A kept-alive socket the server closed as idle just as we wrote to it: the server never
        // read the request, so sending it again is safe (the pattern Node's docs give for
        // request.reusedSocket). Anything else is the server's answer and is reported.
        const stale = (error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === "ECONNRESET";
        if (!stale || attempt === 3) throw error;
      }
    }
  }

  private send(req: HttpRequest, timeoutMs: number): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {
        // Connect to 127.0.0.1 but name the host the app knows itself by: Next compares the
        // Origin of a server action with the Host header and refuses a mismatch.
        host: `localhost:${req.port}`,
        ...req.headers,
      };
      if (req.body !== undefined) headers["content-length"] = Buffer.byteLength(req.body);
      const r = http.request(
        { host: "127.0.0.1", port: req.port, method: req.method, path: req.path, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        },
      );
      r.setTimeout(timeoutMs, () => r.destroy(new Error(`timeout after ${timeoutMs} ms: ${req.method} ${req.path}`)));
      r.on("error", (error) => reject(Object.assign(error, { reusedSocket: r.reusedSocket })));
      if (req.body !== undefined) r.write(req.body);
      r.end();
    });
  }

  close() {
    this.agent.destroy();
  }
}

import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

const SHOW = "/shows/12ee4e2b-94b7-42ae-a5d3-46013c66229b";

// What Chromium sends when it opens a page.
const DOCUMENT = { accept: "text/html,application/xhtml+xml", "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" };

function run(path: string, cookie?: string, headers: Record<string, string> = DOCUMENT) {
  const request = new NextRequest(`http://localhost:3000${path}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
  const response = proxy(request);
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("mq_holder="));
  // NextResponse.next({ request: { headers } }) hands the changed request headers to the page this way.
  const overridden = (response.headers.get("x-middleware-override-headers") ?? "").split(",");
  const forwardedCookie = overridden.includes("cookie") ? response.headers.get("x-middleware-request-cookie") : cookie ?? null;
  return { setCookie, forwardedCookie };
}

const holderIn = (header: string | null | undefined) => /(?:^|;\s*)mq_holder=([^;]+)/.exec(header ?? "")?.[1];

describe("proxy: the seat-lock holder cookie", () => {
  it("mints one with the first page a visitor opens, and that page already sees it", () => {
    const { setCookie, forwardedCookie } = run(SHOW, "theme=dark; authjs.callback-url=http%3A%2F%2Flocalhost%3A3000");
    const minted = holderIn(setCookie);
    expect(minted).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(holderIn(forwardedCookie)).toBe(minted);
    // The other cookies reach the page byte for byte.
    expect(forwardedCookie).toContain("theme=dark");
    expect(forwardedCookie).toContain("authjs.callback-url=http%3A%2F%2Flocalhost%3A3000");
  });

  it("gives every new visitor a different id", () => {
    const ids = new Set(Array.from({ length: 50 }, () => holderIn(run(SHOW).setCookie)));
    expect(ids.size).toBe(50);
  });

  it("keeps a valid holder as it is", () => {
    const valid = "abcdefghijklmnopqrstuvwx";
    const { setCookie, forwardedCookie } = run(SHOW, `mq_holder=${valid}`);
    expect(setCookie).toBeUndefined();
    expect(holderIn(forwardedCookie)).toBe(valid);
  });

  it("replaces a malformed holder instead of passing it on", () => {
    const { setCookie, forwardedCookie } = run(SHOW, "mq_holder=short; theme=dark");
    const minted = holderIn(setCookie);
    expect(minted).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(forwardedCookie).not.toContain("mq_holder=short");
    expect(holderIn(forwardedCookie)).toBe(minted);
    expect(forwardedCookie).toContain("theme=dark");
  });

  it("mints on any page a visitor lands on, so the showtime page's prefetch finds it set", () => {
    for (const path of ["/", "/movies/dune", `${SHOW}`]) expect(holderIn(run(path).setCookie), path).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it("never mints on a prefetch, a navigation fetch or an API call, which can be in flight several at once", () => {
    const prefetch = { rsc: "1", "next-router-prefetch": "1", accept: "*/*", "sec-fetch-dest": "empty" };
    const navigation = { rsc: "1", accept: "*/*", "sec-fetch-dest": "empty" };
    const api = { accept: "application/json", "sec-fetch-dest": "empty" };
    const oldBrowserRsc = { rsc: "1", accept: "text/html,*/*" };
    for (const headers of [prefetch, navigation, api, oldBrowserRsc]) {
      const { setCookie, forwardedCookie } = run(SHOW, undefined, headers);
      expect(setCookie, JSON.stringify(headers)).toBeUndefined();
      expect(forwardedCookie ?? "", JSON.stringify(headers)).not.toContain("mq_holder");
    }
    // A browser without Fetch Metadata opening the page still gets one.
    expect(holderIn(run(SHOW, undefined, { accept: "text/html" }).setCookie)).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

const SHOW = "/shows/12ee4e2b-94b7-42ae-a5d3-46013c66229b";

function run(path: string, cookie?: string) {
  const request = new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });
  const response = proxy(request);
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("mq_holder="));
  // NextResponse.next({ request: { headers } }) hands the changed request headers to the page this way.
  const overridden = (response.headers.get("x-middleware-override-headers") ?? "").split(",");
  const forwardedCookie = overridden.includes("cookie") ? response.headers.get("x-middleware-request-cookie") : cookie ?? null;
  return { setCookie, forwardedCookie };
}

const holderIn = (header: string | null | undefined) => /(?:^|;\s*)mq_holder=([^;]+)/.exec(header ?? "")?.[1];

describe("proxy: the seat-lock holder cookie", () => {
  it("mints one for a showtime page visitor who has none, and the page already sees it", () => {
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

  it("sets nothing on other pages", () => {
    for (const path of ["/", "/movies/dune", "/bookings", `${SHOW}/nested`, "/api/v1/shows"]) {
      expect(run(path).setCookie, path).toBeUndefined();
    }
  });
});

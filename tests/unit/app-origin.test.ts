import { afterEach, describe, expect, it } from "vitest";
import { assertSameOrigin } from "@/lib/admin/same-origin";
import { configuredAppUrl, ownUrl, servedOverHttps } from "@/lib/app-url";
import { publicLink } from "@/lib/auth/magic-link";
import { bearerMatches, sameSecret } from "@/lib/bearer-token";
import { resetEnvForTests } from "@/lib/env";

// Origins come from configuration, never from a request header; secrets are compared in
// constant time.

const saved = { APP_URL: process.env.APP_URL, PORT: process.env.PORT };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
});

describe("the public origin", () => {
  it("is APP_URL, without its trailing slash", () => {
    process.env.APP_URL = "https://tickets.example/";
    resetEnvForTests();
    expect(configuredAppUrl()).toBe("https://tickets.example");
    expect(servedOverHttps()).toBe(true);
  });

  it("is the server's own bound port without APP_URL", () => {
    delete process.env.APP_URL;
    process.env.PORT = "3456";
    resetEnvForTests();
    expect(configuredAppUrl()).toBe("http://localhost:3456");
    expect(ownUrl()).toBe("http://localhost:3456");
    expect(servedOverHttps()).toBe(false);
  });
});

describe("magic links", () => {
  // Found broken in production: https://tickets.example:3102/…&callbackUrl=http://localhost:3102/
  it("come out on APP_URL exactly: no internal port, the callback on the public origin too", () => {
    const fromAuthJs = "http://localhost:3102/api/auth/callback/email?callbackUrl=http%3A%2F%2Flocalhost%3A3102%2Fshows%2Fabc%3Fx%3D1&token=t0k&email=a%40b.example";
    expect(publicLink(fromAuthJs, "https://tickets.example")).toBe(
      "https://tickets.example/api/auth/callback/email?callbackUrl=https%3A%2F%2Ftickets.example%2Fshows%2Fabc%3Fx%3D1&token=t0k&email=a%40b.example",
    );
  });

  it("keep a port APP_URL names, and a forged host never survives", () => {
    const forged = "https://evil.example/api/auth/callback/email?callbackUrl=https%3A%2F%2Fevil.example%2F&token=t0k";
    expect(publicLink(forged, "https://localhost:3443")).toBe("https://localhost:3443/api/auth/callback/email?callbackUrl=https%3A%2F%2Flocalhost%3A3443%2F&token=t0k");
  });
});

describe("secret comparison", () => {
  it("matches only the exact secret", () => {
    expect(sameSecret("s3cret", "s3cret")).toBe(true);
    expect(sameSecret("s3cre", "s3cret")).toBe(false);
    expect(sameSecret("s3cret-and-more", "s3cret")).toBe(false);
    expect(sameSecret("", "")).toBe(false);
    expect(sameSecret("x", undefined)).toBe(false);
    expect(bearerMatches("Bearer s3cret", "s3cret")).toBe(true);
    expect(bearerMatches("bearer  s3cret ", "s3cret")).toBe(true);
    expect(bearerMatches("Basic s3cret", "s3cret")).toBe(false);
    expect(bearerMatches(null, "s3cret")).toBe(false);
    expect(bearerMatches("Bearer x", undefined)).toBe(false);
  });
});

describe("the admin routes' same-origin check", () => {
  const post = (headers: Record<string, string>) => new Request("http://127.0.0.1:3441/admin/movies/x/poster", { method: "POST", headers });

  it("accepts the configured origin and refuses another, whatever Host and X-Forwarded-Host say", () => {
    process.env.APP_URL = "https://tickets.example";
    resetEnvForTests();
    expect(() => assertSameOrigin(post({ origin: "https://tickets.example", host: "127.0.0.1:3441" }))).not.toThrow();
    expect(() => assertSameOrigin(post({ origin: "https://evil.example", host: "evil.example", "x-forwarded-host": "evil.example" }))).toThrow(/Cross-site/);
    expect(() => assertSameOrigin(post({ origin: "http://tickets.example", host: "tickets.example" }))).toThrow(/Cross-site/);
    expect(() => assertSameOrigin(post({ origin: "null" }))).toThrow(/Cross-site/);
  });
});

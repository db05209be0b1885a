import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertSameOrigin } from "@/lib/admin/same-origin";
import { resetEnvForTests } from "@/lib/env";

// The admin poster upload's cross-site check. Host and X-Forwarded-Host are whatever the caller
// sends, so the check compares the browser's Origin with the configured public origin only.

const saved = process.env.APP_URL;
beforeEach(() => {
  process.env.APP_URL = "https://tickets.example";
  resetEnvForTests();
});
afterEach(() => {
  if (saved === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = saved;
  resetEnvForTests();
});

function upload(headers: Record<string, string>) {
  return new Request("http://localhost:3000/admin/movies/x/poster", { method: "POST", headers });
}

function refusal(req: Request) {
  try {
    assertSameOrigin(req);
  } catch (err) {
    return err as { code?: string };
  }
  return null;
}

describe("same-origin check for admin route handlers", () => {
  it("refuses a foreign Origin that names itself in a spoofed X-Forwarded-Host and Host", () => {
    expect(refusal(upload({ origin: "https://evil.example", "x-forwarded-host": "evil.example", host: "evil.example" }))).toMatchObject({ code: "forbidden" });
    expect(refusal(upload({ origin: "https://evil.example", "x-forwarded-host": "evil.example" }))).toMatchObject({ code: "forbidden" });
  });

  it("refuses the public host on the wrong scheme or port, and a malformed Origin", () => {
    expect(refusal(upload({ origin: "http://tickets.example", "x-forwarded-host": "tickets.example" }))).toMatchObject({ code: "forbidden" });
    expect(refusal(upload({ origin: "https://tickets.example:8443" }))).toMatchObject({ code: "forbidden" });
    expect(refusal(upload({ origin: "null" }))).toMatchObject({ code: "forbidden" });
  });

  it("accepts the public origin behind a proxy, whatever Host the proxy passes on", () => {
    expect(refusal(upload({ origin: "https://tickets.example", host: "localhost:3000" }))).toBeNull();
    expect(refusal(upload({ origin: "https://tickets.example", host: "10.0.0.7:3000", "x-forwarded-host": "internal.example" }))).toBeNull();
  });

  it("refuses a browser that says the request is cross-site", () => {
    expect(refusal(upload({ origin: "https://tickets.example", "sec-fetch-site": "cross-site" }))).toMatchObject({ code: "forbidden" });
  });
});

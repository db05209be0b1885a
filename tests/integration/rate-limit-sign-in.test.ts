import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/rate-limit/peer-address";
import { NextRequest } from "next/server";
import { AuthError } from "next-auth";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../support/test-db";
import type { Database } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { setEmailTransportForTests } from "@/lib/email/transport";
import { setRateLimitsForTests } from "@/lib/rate-limit";
import { limitSignIn, signInRateLimit } from "@/lib/rate-limit/sign-in";

// Sign-in links through the real Auth.js route: at most 5 per 10 minutes per address and per
// email; a refused request queues no email. next/headers is replaced as in the magic-link test.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000", "x-forwarded-proto": "http" }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));

const ORIGIN = "http://localhost:3000";
let database: Database;

beforeAll(async () => {
  Object.assign(process.env, { AUTH_SECRET: "test-auth-secret-0123456789abcdef0123456789" });
  delete process.env.APP_URL;
  resetEnvForTests();
  setRateLimitsForTests(undefined);
  setEmailTransportForTests({ kind: "outbox", send: async (email) => ({ ok: true, providerId: `test:${email.id}` }) });
  database = await createTestDatabase();
});
afterAll(async () => {
  setEmailTransportForTests(undefined);
  await database?.close();
});

const { handlers } = await import("@/lib/auth");

async function requestLink(email: string, ip: string) {
  const csrfRes = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = csrfRes.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const res = await handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, [PEER_ADDRESS_HEADER]: ip },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: "/" }),
    }),
  );
  const queued = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email.toLowerCase()));
  return { sent: (res.headers.get("location") ?? "").includes("/verify-request"), queued: queued.length };
}

describe("sign-in link limits", () => {
  it("5 links per address; the 6th is refused and nothing is queued", async () => {
    for (let i = 0; i < 5; i++) expect(await requestLink(`visitor${i}@example.com`, "203.0.113.50")).toEqual({ sent: true, queued: 1 });
    expect(await requestLink("visitor5@example.com", "203.0.113.50")).toEqual({ sent: false, queued: 0 });
    expect(await requestLink("visitor5@example.com", "203.0.113.51")).toEqual({ sent: true, queued: 1 });
  });

  it("5 links per email, whatever the address; the 6th is refused", async () => {
    for (let i = 0; i < 5; i++) expect((await requestLink("Target@Example.com", `198.51.100.${i + 1}`)).sent).toBe(true);
    expect(await requestLink("Target@Example.com", "198.51.100.99")).toMatchObject({ sent: false, queued: 5 });
  });

  it("the refusal Auth.js passes on carries the customer's message and the wait", async () => {
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: "192.0.2.77" });
    for (let i = 0; i < 5; i++) await limitSignIn(`someone${i}@example.com`, headers);
    const err = await limitSignIn("someone5@example.com", headers).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(signInRateLimit(err)?.message).toMatch(/^Too many sign-in emails in a short time\. Please try again in (10 minutes|\d+ seconds)\.$/);
    expect(signInRateLimit(new Error("other"))).toBeNull();
  });
});

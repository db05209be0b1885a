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

const route = await import("@/app/api/auth/[...nextauth]/route");
const { requestMagicLink } = await import("@/app/(site)/sign-in/actions");

let lastResponse: Response | undefined;

async function requestLink(email: string, ip: string) {
  const csrfRes = await route.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = csrfRes.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const res = await route.POST(
    new NextRequest(`${ORIGIN}/api/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, [PEER_ADDRESS_HEADER]: ip },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: "/" }),
    }),
  );
  const queued = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email.toLowerCase()));
  lastResponse = res;
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

  it("the route answers a refusal with 429, Retry-After and the wait in words", async () => {
    for (let i = 0; i < 5; i++) await requestLink(`caller${i}@example.com`, "192.0.2.60");
    expect(await requestLink("caller5@example.com", "192.0.2.60")).toEqual({ sent: false, queued: 0 });
    expect(lastResponse?.status).toBe(429);
    const retryAfter = Number(lastResponse?.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    const body = (await lastResponse!.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: "rate_limited", message: `Too many sign-in links for this address; try again in ${Math.ceil(retryAfter / 60)} minutes.` });
  });

  it("the sign-in page's form says when to try again, instead of 'Signing in isn't working'", async () => {
    const ask = async () => {
      const form = new FormData();
      form.set("email", "Repeat@Example.com");
      return requestMagicLink(undefined, form).catch((err: unknown) => ({ thrown: (err as { digest?: string }).digest }));
    };
    for (let i = 0; i < 5; i++) expect(await ask()).toMatchObject({ thrown: expect.stringMatching(/^NEXT_REDIRECT;.*\/sign-in\/check-email;/) });
    // What the form renders in its alert (components/auth/email-sign-in-form.tsx): the failure's message.
    const refused = await ask();
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/^Too many sign-in links for this address; try again in (10|9) minutes\.$/) });
    expect(refused).toMatchObject({ details: { email: "Repeat@Example.com" } });
    const queued = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "repeat@example.com"));
    expect(queued).toHaveLength(5);

    // limitSignIn's refusal is the AuthError Auth.js passes back; anything else is not a throttle.
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: "192.0.2.77" });
    for (let i = 0; i < 5; i++) await limitSignIn(`someone${i}@example.com`, headers);
    const err = await limitSignIn("someone5@example.com", headers).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(signInRateLimit(err)?.retryAfterSeconds).toBeGreaterThan(0);
    expect(signInRateLimit(new Error("other"))).toBeNull();
  });
});

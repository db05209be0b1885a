import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../support/test-db";
import type { Database } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { setEmailTransportForTests } from "@/lib/email/transport";

// Found in production: magic links came out as https://tickets.example:3102/…&callbackUrl=
// http://localhost:3102/ — the server's own port kept on the public host, the callback internal.
// Here the server listens on 3102 behind a proxy that serves https://tickets.example, and the
// sign-in requests arrive on the internal host and port, with forged X-Forwarded-* on top. The
// mailed link, and the page it returns to, must be on APP_URL exactly.
const APP_URL = "https://tickets.example";
const INTERNAL = "http://localhost:3102";
const forged = { host: "localhost:3102", "x-forwarded-host": "evil.example:8443", "x-forwarded-proto": "http", "x-forwarded-port": "8443" };

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ ...forged, ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } : {}) }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

const saved = { ...process.env };
let database: Database;
beforeAll(async () => {
  Object.assign(process.env, { AUTH_SECRET: "test-auth-secret-0123456789abcdef0123456789", APP_URL, PORT: "3102" });
  delete process.env.AUTH_URL;
  resetEnvForTests();
  setEmailTransportForTests({ kind: "outbox", send: async (email) => ({ ok: true, providerId: `test:${email.id}` }) });
  database = await createTestDatabase();
});
afterAll(async () => {
  setEmailTransportForTests(undefined);
  await database?.close();
  process.env = saved;
  resetEnvForTests();
});
beforeEach(() => jar.clear());

const { handlers } = await import("@/lib/auth/auth-js");
const { requestMagicLink } = await import("@/app/(site)/sign-in/actions");

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

async function linkMailedTo(address: string): Promise<string> {
  const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
  const match = (row?.html ?? "").match(/href="([^"]*\/api\/auth\/callback\/email\?[^"]*)"/);
  if (!match) throw new Error("no sign-in link in the email");
  return match[1].replaceAll("&amp;", "&");
}

describe(`magic links behind a proxy (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("a link requested through the Auth.js route on the internal host and port is on APP_URL exactly", async () => {
    const csrf = await handlers.GET(new NextRequest(`${INTERNAL}/api/auth/csrf`, { headers: forged }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await handlers.POST(
      new NextRequest(`${INTERNAL}/api/auth/signin/email`, {
        method: "POST",
        headers: { ...forged, "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
        body: new URLSearchParams({ email: "dora@example.com", csrfToken, callbackUrl: "/bookings" }),
      }),
    );
    expect(res.status).toBe(302);
    const link = await linkMailedTo("dora@example.com");
    expect(link).toMatch(/^https:\/\/tickets\.example\/api\/auth\/callback\/email\?/);
    expect(new URL(link).searchParams.get("callbackUrl")).toBe(`${APP_URL}/bookings`);
  });

  it("a link requested through the sign-in form's action is on APP_URL exactly", async () => {
    const form = new FormData();
    form.set("email", "eli@example.com");
    form.set("redirectTo", "/shows");
    await requestMagicLink(undefined, form).catch(() => undefined);
    const link = await linkMailedTo("eli@example.com");
    expect(link).toMatch(/^https:\/\/tickets\.example\/api\/auth\/callback\/email\?/);
    expect(new URL(link).searchParams.get("callbackUrl")).toBe(`${APP_URL}/shows`);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../support/test-db";
import type { Database } from "@/db/client";
import { emailOutbox, users, verificationTokens } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { kickOutbox } from "@/lib/email/kick";
import { setEmailTransportForTests, type OutgoingEmail } from "@/lib/email/transport";

// The whole magic-link round trip runs through the real Auth.js route handlers and the server
// action the sign-in page uses, against the real database. Only next/headers is replaced: it
// needs a live Next request, so the test plays the browser (its Host header and cookie jar).
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

const SECRET = "test-auth-secret-0123456789abcdef0123456789";
const ORIGIN = "http://localhost:3000";
const sent: OutgoingEmail[] = [];
let database: Database;

beforeAll(async () => {
  Object.assign(process.env, { AUTH_SECRET: SECRET, ADMIN_EMAILS: "Boss@Cinema.example" });
  delete process.env.APP_URL;
  resetEnvForTests();
  setEmailTransportForTests({ kind: "outbox", send: async (email) => (sent.push(email), { ok: true, providerId: `test:${email.id}` }) });
  database = await createTestDatabase();
});
afterAll(async () => {
  setEmailTransportForTests(undefined);
  await database?.close();
});
beforeEach(() => {
  jar.clear();
  sent.length = 0;
});

const { handlers } = await import("@/lib/auth/auth-js");
const { requestMagicLink } = await import("@/app/(site)/sign-in/actions");
const { currentUser } = await import("@/lib/auth/current-user");

function setCookies(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair.indexOf("=");
    out.set(pair.slice(0, i), decodeURIComponent(pair.slice(i + 1)));
  }
  return out;
}

/** What a browser does: fetch the CSRF token, then post the sign-in form. */
async function requestLinkThroughRoute(email: string, callbackUrl: string) {
  const csrfRes = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = [...setCookies(csrfRes)].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; ");
  return handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ email, csrfToken, callbackUrl }),
    }),
  );
}

async function outboxRowsTo(address: string) {
  return database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
}

function linkIn(html: string): URL {
  const match = html.match(/href="([^"]*\/api\/auth\/callback\/email\?[^"]*)"/);
  if (!match) throw new Error("no sign-in link in the email");
  return new URL(match[1].replaceAll("&amp;", "&"));
}

async function followLink(link: URL) {
  const res = await handlers.GET(new NextRequest(link));
  return { res, location: res.headers.get("location"), cookies: setCookies(res) };
}

describe(`magic-link sign-in (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("queues exactly one outbox email whose link carries the token, and the link signs the user in once", async () => {
    const res = await requestLinkThroughRoute("Ana@Example.com", "/bookings");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/api/auth/verify-request");

    const rows = await outboxRowsTo("ana@example.com");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ template: "sign-in-link" });
    const link = linkIn(rows[0].html ?? "");
    expect(link.origin).toBe(ORIGIN);
    const token = link.searchParams.get("token")!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(link.searchParams.get("callbackUrl")).toBe(`${ORIGIN}/bookings`);

    // The database keeps only a hash of the token, keyed with the secret.
    const stored = await database.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, "ana@example.com"));
    expect(stored.map((t) => t.token)).toEqual([createHash("sha256").update(`${token}${SECRET}`).digest("hex")]);

    // The outbox was kicked: the email was handed to the transport.
    await kickOutbox();
    expect(sent.map((m) => m.to)).toEqual(["ana@example.com"]);

    const first = await followLink(link);
    expect(first.location).toBe(`${ORIGIN}/bookings`);
    const sessionToken = first.cookies.get("authjs.session-token");
    expect(sessionToken).toBeTruthy();

    jar.set("authjs.session-token", sessionToken!);
    expect(await currentUser()).toMatchObject({ email: "ana@example.com", role: "customer" });

    // Single use: the same link again is refused.
    const again = await followLink(link);
    expect(again.location).toBe(`${ORIGIN}/sign-in?error=Verification`);
  });

  it("makes a listed ADMIN_EMAILS address an admin when it signs in", async () => {
    await requestLinkThroughRoute("boss@cinema.example", "/admin");
    const [row] = await outboxRowsTo("boss@cinema.example");
    const { cookies } = await followLink(linkIn(row.html ?? ""));
    jar.set("authjs.session-token", cookies.get("authjs.session-token")!);
    expect(await currentUser()).toMatchObject({ email: "boss@cinema.example", role: "admin" });
    const [user] = await database.db.select().from(users).where(eq(users.email, "boss@cinema.example"));
    expect(user.role).toBe("admin");
    await kickOutbox();
  });

  it("the sign-in form's action queues one email and never sends anyone off-site", async () => {
    const form = new FormData();
    form.set("email", "cleo@example.com");
    form.set("redirectTo", "https://evil.example/steal");
    const thrown = await requestMagicLink(undefined, form).then(
      () => null,
      (e: unknown) => e as { digest?: string },
    );
    expect(thrown?.digest).toMatch(/^NEXT_REDIRECT;.*\/sign-in\/check-email;/);

    const rows = await outboxRowsTo("cleo@example.com");
    expect(rows).toHaveLength(1);
    expect(linkIn(rows[0].html ?? "").searchParams.get("callbackUrl")).toBe(`${ORIGIN}/`);
    await kickOutbox();
  });

  it("returns a field error for a bad address and queues nothing", async () => {
    const form = new FormData();
    form.set("email", "not an email");
    const state = (await requestMagicLink(undefined, form)) as { fieldErrors?: Record<string, string[]> } | undefined;
    expect(state?.fieldErrors?.email?.[0]).toBe("Enter a valid email address.");
    expect(await outboxRowsTo("not an email")).toHaveLength(0);
  });
});

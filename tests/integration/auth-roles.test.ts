import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { createTestDatabase } from "../support/test-db";
import { refusal } from "../support/refusal";
import type { Database } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { grantAdmin, promoteListedAdmin } from "@/lib/auth/admin-role";
import { currentUser, requireAdmin, requireUser } from "@/lib/auth/current-user";
import { defineAction } from "@/lib/handlers/define-action";
import { resetEnvForTests } from "@/lib/env";

// currentUser() reads the request's cookies through next/headers, which only exists inside a
// Next request. The test stands in for the browser's cookie jar and nothing else: the session
// lookup, the join to the users row and the role check all run against the real database.
const jar = new Map<string, string>();
// Cookies the server sets on its answer (only actions and route handlers may).
const written: { name: string; value: string; options: Record<string, unknown> }[] = [];
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string, options: Record<string, unknown>) => void written.push({ name, value, options }),
  }),
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar),
}));

let database: Database;
const backend = process.env.DATABASE_URL ? "postgres" : "pglite";

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(() => {
  jar.clear();
  written.length = 0;
});

async function userWithSession(email: string, role: "customer" | "admin", expiresInMs = 60_000) {
  const { db } = database;
  const [user] = await db.insert(users).values({ email, role, name: email.split("@")[0] }).returning();
  const sessionToken = crypto.randomUUID();
  await db.insert(sessions).values({ sessionToken, userId: user.id, expires: new Date(Date.now() + expiresInMs) });
  return { user, sessionToken };
}

describe(`roles and sessions (${backend})`, () => {
  it("treats a visitor without a session cookie as signed out", async () => {
    expect(await currentUser()).toBeNull();
    expect((await refusal(requireUser())).code).toBe("unauthenticated");
    const err = await refusal(requireAdmin());
    expect(err.code).toBe("unauthenticated");
    expect(err.message).toBe("Please sign in to continue.");
  });

  it("treats an unknown or expired session token as signed out", async () => {
    jar.set("authjs.session-token", crypto.randomUUID());
    expect(await currentUser()).toBeNull();
    const { sessionToken } = await userWithSession("late@example.com", "admin", -1_000);
    jar.set("authjs.session-token", sessionToken);
    expect(await currentUser()).toBeNull();
    expect((await refusal(requireAdmin())).code).toBe("unauthenticated");
  });

  it("refuses a customer with forbidden and accepts an admin", async () => {
    const customer = await userWithSession("fan@example.com", "customer");
    jar.set("authjs.session-token", customer.sessionToken);
    expect(await requireUser()).toEqual({ id: customer.user.id, email: "fan@example.com", name: "fan", role: "customer" });
    expect((await refusal(requireAdmin())).code).toBe("forbidden");

    // Over https (APP_URL decides, not X-Forwarded-Proto) the session cookie is the __Secure- one.
    const admin = await userWithSession("boss@example.com", "admin");
    jar.clear();
    jar.set("__Secure-authjs.session-token", admin.sessionToken);
    try {
      process.env.APP_URL = "https://tickets.example";
      resetEnvForTests();
      expect(await requireAdmin()).toMatchObject({ id: admin.user.id, role: "admin" });
    } finally {
      delete process.env.APP_URL;
      resetEnvForTests();
    }
  });

  it("picks the session cookie by APP_URL's scheme, whatever X-Forwarded-Proto says", async () => {
    const admin = await userWithSession("proto@example.com", "admin");
    // An http site: a __Secure- cookie is not its session, even with X-Forwarded-Proto: https.
    jar.set("__Secure-authjs.session-token", admin.sessionToken);
    expect(await currentUser()).toBeNull();
    // An https site: the unprefixed cookie is not its session.
    jar.clear();
    jar.set("authjs.session-token", admin.sessionToken);
    try {
      process.env.APP_URL = "https://tickets.example";
      resetEnvForTests();
      expect(await currentUser()).toBeNull();
    } finally {
      delete process.env.APP_URL;
      resetEnvForTests();
    }
    expect(await currentUser()).toMatchObject({ id: admin.user.id });
  });

  it("re-reads the role on every call, so a demoted admin loses access at once", async () => {
    const admin = await userWithSession("demoted@example.com", "admin");
    jar.set("authjs.session-token", admin.sessionToken);
    await requireAdmin();
    await database.db.update(users).set({ role: "customer" }).where(eq(users.id, admin.user.id));
    expect((await refusal(requireAdmin())).code).toBe("forbidden");
  });
});

describe(`sessions slide through Auth.js (${backend})`, () => {
  const DAY = 86_400_000;
  const expiresOf = async (token: string) => (await database.db.select().from(sessions).where(eq(sessions.sessionToken, token)))[0].expires.getTime();
  const whoAmI = defineAction(z.unknown(), { name: "who-am-i", auth: "customer" }, async (_input, { user }) => user.id);

  it("an action reading a session last extended over a day ago (updateAge) extends it and sends the browser the cookie", async () => {
    // Sessions last 30 days from their last extension: 28 days left means extended 2 days ago.
    const stale = await userWithSession("regular@example.com", "customer", 28 * DAY);
    jar.set("authjs.session-token", stale.sessionToken);
    expect(await whoAmI()).toEqual({ ok: true, data: stale.user.id });
    expect(await expiresOf(stale.sessionToken)).toBeGreaterThan(Date.now() + 29 * DAY);
    const cookie = written.find((c) => c.name === "authjs.session-token");
    expect(cookie?.value).toBe(stale.sessionToken);
    expect((cookie?.options.expires as Date).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
  });

  it("leaves a fresh session alone, and a page render (which cannot set the cookie) never extends one", async () => {
    const fresh = await userWithSession("newcomer@example.com", "customer", 30 * DAY - 60_000);
    const before = await expiresOf(fresh.sessionToken);
    jar.set("authjs.session-token", fresh.sessionToken);
    expect(await whoAmI()).toEqual({ ok: true, data: fresh.user.id });
    expect(await expiresOf(fresh.sessionToken)).toBe(before);

    const stale = await userWithSession("browser@example.com", "customer", 28 * DAY);
    const staleBefore = await expiresOf(stale.sessionToken);
    jar.clear();
    jar.set("authjs.session-token", stale.sessionToken);
    expect(await requireUser()).toMatchObject({ id: stale.user.id });
    expect(await expiresOf(stale.sessionToken)).toBe(staleBefore);
    expect(written).toEqual([]);
  });
});

describe(`first admin (${backend})`, () => {
  it("promotes a listed email at sign-in, whatever its case, and nobody else", async () => {
    const { db } = database;
    const [listed] = await db.insert(users).values({ email: "Owner@Cinema.example" }).returning();
    const [other] = await db.insert(users).values({ email: "guest@cinema.example" }).returning();
    const list = ["owner@cinema.example"];

    expect(await promoteListedAdmin(db, "Owner@Cinema.example", list)).toBe(true);
    expect(await promoteListedAdmin(db, "owner@cinema.example", list)).toBe(false);
    expect(await promoteListedAdmin(db, "guest@cinema.example", list)).toBe(false);
    expect(await promoteListedAdmin(db, null, list)).toBe(false);

    const roles = Object.fromEntries((await db.select({ id: users.id, role: users.role }).from(users)).map((u) => [u.id, u.role]));
    expect(roles[listed.id]).toBe("admin");
    expect(roles[other.id]).toBe("customer");
  });

  it("admin:grant creates, promotes, and leaves an admin alone", async () => {
    const { db } = database;
    const created = await grantAdmin(db, "  New.Manager@Cinema.example ");
    expect(created).toMatchObject({ outcome: "created", email: "new.manager@cinema.example" });

    const [customer] = await db.insert(users).values({ email: "usher@cinema.example" }).returning();
    expect(await grantAdmin(db, "USHER@cinema.example")).toEqual({ outcome: "promoted", userId: customer.id, email: "usher@cinema.example" });
    expect(await grantAdmin(db, "usher@cinema.example")).toMatchObject({ outcome: "already-admin", userId: customer.id });

    const rows = await db.select({ email: users.email, role: users.role }).from(users).where(eq(users.role, "admin"));
    expect(rows.map((r) => r.email)).toEqual(expect.arrayContaining(["new.manager@cinema.example", "usher@cinema.example"]));
    expect((await refusal(grantAdmin(db, "not-an-email"))).code).toBe("bad_input");
  });
});

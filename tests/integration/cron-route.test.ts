import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/test-db";
import type { Database } from "@/db/client";
import { resetEnvForTests } from "@/lib/env";

// /api/cron runs the outbox and the order reconciliation for serverless hosts: only with
// `Authorization: Bearer $CRON_SECRET`, compared in constant time (lib/bearer-token.ts), and
// closed when the secret is unset.

const SECRET = "cron-secret-0123456789abcdef";
let database: Database;
const { GET } = await import("@/app/api/cron/route");
const call = (authorization?: string) => GET(new Request("http://localhost/api/cron", { headers: authorization ? { authorization } : {} }));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  delete process.env.CRON_SECRET;
  resetEnvForTests();
  await database?.close();
});

describe("the cron route", () => {
  it("is closed without CRON_SECRET", async () => {
    delete process.env.CRON_SECRET;
    resetEnvForTests();
    expect((await call(`Bearer ${SECRET}`)).status).toBe(401);
    expect((await call("Bearer ")).status).toBe(401);
  });

  it("answers only the exact bearer token", async () => {
    process.env.CRON_SECRET = SECRET;
    resetEnvForTests();
    for (const wrong of [undefined, SECRET, `Bearer ${SECRET.slice(0, -1)}`, `Bearer ${SECRET}x`, `Basic ${SECRET}`]) {
      expect((await call(wrong)).status, String(wrong)).toBe(401);
    }
    const ok = await call(`Bearer ${SECRET}`);
    expect(ok.status).toBe(200);
    expect(Object.keys(await ok.json()).sort()).toEqual(["emails", "orders", "waitlist"]);
  });
});

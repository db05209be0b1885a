import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../support/test-db";
import type { Database } from "@/db/client";
import { setupTokens, theaters, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { issueSetupToken } from "@/lib/setup/setup-token";
import { setUpTheater, setUpTheaterSchema } from "@/lib/setup/set-up-theater";

// A production database starts empty; the first admin creates the theater with a one-time token
// from the server log. Wrong tokens change nothing; a used token, or a second setup, is refused.

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const input = setUpTheaterSchema.parse({ name: "Le Grand Rex", address: "1 Bd Poissonnière, Paris", timeZone: "Europe/Paris", currency: "EUR", adminEmail: "Owner@Rex.example" });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe(`first-run setup (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("starts with no theater and no demo data", async () => {
    expect(await database.db.select().from(theaters)).toEqual([]);
  });

  it("refuses a wrong token and changes nothing", async () => {
    const token = await issueSetupToken(database.db);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const err = await refusal(setUpTheater(database.db, input, `${token}x`));
    expect(err.code).toBe("bad_input");
    expect(err.details?.fieldErrors).toEqual({ token: ["That setup token is not valid. Copy it from the server log."] });
    expect(await database.db.select().from(theaters)).toEqual([]);
    expect(await database.db.select().from(users)).toEqual([]);
  });

  it("creates the theater and its first admin with a token from the log, spending every token", async () => {
    const first = (await issueSetupToken(database.db))!;
    const second = (await issueSetupToken(database.db))!;
    expect(await setUpTheater(database.db, input, second)).toEqual({ adminEmail: "owner@rex.example" });
    const [theater] = await database.db.select().from(theaters);
    expect(theater).toMatchObject({ slug: "le-grand-rex", name: "Le Grand Rex", address: "1 Bd Poissonnière, Paris", timeZone: "Europe/Paris", currency: "eur" });
    const [admin] = await database.db.select().from(users).where(eq(users.email, "owner@rex.example"));
    expect(admin.role).toBe("admin");
    expect(await database.db.select().from(setupTokens)).toEqual([]);

    // Setup happens once: another token, a used one, or no token at all is refused.
    expect((await refusal(setUpTheater(database.db, { ...input, name: "Second" }, first))).code).toBe("conflict");
    expect((await refusal(setUpTheater(database.db, { ...input, name: "Second" }, null))).code).toBe("conflict");
    expect(await issueSetupToken(database.db)).toBeNull();
    expect(await database.db.select().from(theaters)).toHaveLength(1);
  });

  it("checks each field of the theater", () => {
    const bad = setUpTheaterSchema.safeParse({ name: " ", address: "", timeZone: "Mars/Olympus", currency: "XYZW", adminEmail: "nope" });
    expect(bad.success).toBe(false);
    expect(new Set(bad.error!.issues.map((i) => i.path[0]))).toEqual(new Set(["name", "address", "timeZone", "currency", "adminEmail"]));
  });
});

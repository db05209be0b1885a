import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { getDatabase, setDatabaseForTests, type Database } from "@/db/client";
import { movies, screens, shows, theaters } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";

// Found: a production database was seeded with the demo cinema and its shows on sale. Here the
// app opens a brand-new database the way a production server does (its own settings, no demo
// switch) and must find it migrated but empty: the first admin sets the theater up.

const base = process.env.DATABASE_URL;
const name = `marquee_t_prod_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
const saved = { ...process.env };
let database: Database | undefined;

beforeAll(async () => {
  if (base) {
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
  }
  for (const key of ["SEED_DEMO", "ALLOW_LOCAL_PAYMENTS", "PGLITE_DIR"]) delete process.env[key];
  Object.assign(process.env, {
    NODE_ENV: "production",
    APP_URL: "https://tickets.example",
    METRICS_TOKEN: "metrics-token-for-the-test",
    ...(base ? { DATABASE_URL: Object.assign(new URL(base), { pathname: `/${name}` }).toString() } : { PGLITE_DIR: "memory://" }),
  });
  resetEnvForTests();
  setDatabaseForTests(undefined);
  database = await getDatabase();
});
afterAll(async () => {
  setDatabaseForTests(undefined);
  await database?.close();
  process.env = saved;
  resetEnvForTests();
  if (base) {
    const dropper = postgres(base, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists "${name}" with (force)`);
    await dropper.end();
  }
});

describe(`a production database (${base ? "postgres" : "pglite"})`, () => {
  it("is migrated but holds no theater, screens, movies or shows", async () => {
    const db = database!.db;
    expect(await db.select().from(theaters)).toEqual([]);
    expect(await db.select().from(screens)).toEqual([]);
    expect(await db.select().from(movies)).toEqual([]);
    expect(await db.select().from(shows)).toEqual([]);
  });
});

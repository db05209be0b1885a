import "server-only";
import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

// One drizzle type for both drivers: PGlite speaks the same SQL and the query builder is shared.
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type Database = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
// Any fixed number: every instance takes the same advisory lock before migrating or seeding.
const MIGRATION_LOCK = 727_001;

/**
 * seed: true = the plain first theater (tests); "demo" = the demo chain (a second theater, what
 * each sells, tags, staff accounts, past shows). stories: issue 21's demo bookings. The past
 * month's sales are made once the database is open (db/seed-sales.ts, from instrumentation.ts).
 */
export type SeedChoice = { seed?: boolean | "demo"; stories?: boolean };

/** Opens a database and brings its schema up to date. Nothing here runs at import time. */
export async function openDatabase(opts: { url?: string; pgliteDir?: string } & SeedChoice): Promise<Database> {
  let database: Database;
  if (opts.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const sql = postgres(opts.url, { max: 10, onnotice: () => {} });
    const db = drizzle(sql, { schema });
    // Several instances may start at once on one Postgres: one migrates, the others wait.
    const reserved = await sql.reserve();
    try {
      await reserved`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migrate(db, { migrationsFolder: MIGRATIONS });
      database = { db, kind: "postgres", close: () => sql.end({ timeout: 5 }) };
      await seedDatabase(database, opts);
    } finally {
      await reserved`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      reserved.release();
    }
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const dir = opts.pgliteDir ?? "memory://";
    if (!dir.startsWith("memory://")) mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ dir)), { recursive: true });
    const client = new PGlite(dir);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS });
    database = { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
    await seedDatabase(database, opts);
  }
  return database;
}

/** Loads the demo into an empty database (db/seed.ts); true when it did. */
export async function seedDatabase(database: Database, opts: SeedChoice): Promise<boolean> {
  if (!opts.seed) return false;
  const now = new Date();
  const seeded = await (await import("./seed")).seedIfEmpty(database.db, now, { demo: opts.seed === "demo", stories: opts.stories });
  if (seeded) log.info({ ms: Date.now() - now.getTime(), seed: opts.seed }, "demo data seeded");
  return seeded;
}

// On globalThis: Next bundles route handlers, pages and instrumentation separately, each with its
// own copy of this module. They must share one database (PGlite above all: two instances on one
// directory do not see each other's writes).
const slot = globalThis as typeof globalThis & { [key: symbol]: Promise<Database> | undefined };
const KEY = Symbol.for("marquee.database");

/** The process-wide database, opened and migrated on first use; the demo cinema only with SEED_DEMO. */
export function getDatabase(): Promise<Database> {
  if (!slot[KEY]) {
    const e = env();
    slot[KEY] = openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seed: e.SEED_DEMO ? "demo" : false, stories: e.SEED_DEMO }).catch((err) => {
      slot[KEY] = undefined;
      log.error({ err }, "database failed to open");
      throw err;
    });
  }
  return slot[KEY];
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Tests install their own database (a fresh Postgres database or an in-memory PGlite). */
export function setDatabaseForTests(database: Database | undefined) {
  slot[KEY] = database ? Promise.resolve(database) : undefined;
}

/** Postgres reports unique violations as 23505; the constraint name sits in a driver-specific field. */
export function uniqueViolation(err: unknown): string | null {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const rec = e as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };
    if (rec.code === "23505") return rec.constraint_name ?? rec.constraint ?? "unknown";
    e = rec.cause;
  }
  return null;
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { orderDetail } from "@/db/queries/orders";
import { theaterIdsManagedBy, theaterOfOrder, theaterOfShow } from "@/db/queries/theater-scope";

// Issue 19's migration on a database that already sells tickets: built at the schema before
// 0010_chain (drizzle's migrator reads the journal, so a copy of the folder whose journal stops at
// 0009 builds it), filled with a theater, screens, seats, shows, customers, orders with their seats
// and tickets (valid, admitted, voided), ticket types and audit rows; then the real folder applies
// 0010. Every row that was there is there with the same values in the columns it had, the counts
// and money sums are equal, and the app's queries still find the theater as the first of many.

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
const BEFORE = "0009_waiting_room";

type Handle = { db: Db; exec: (text: string) => Promise<void>; rows: <T>(text: string) => Promise<T[]>; migrate: (folder: string) => Promise<void>; close: () => Promise<void> };

/** A fresh database of this file's own: Postgres (DATABASE_URL, dropped afterwards) or in-memory PGlite; nothing migrated yet. */
async function emptyDatabase(): Promise<Handle> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = new PGlite("memory://");
    const db = drizzle(client, { schema });
    return {
      db: db as unknown as Db,
      exec: async (text) => void (await client.exec(text)),
      rows: async <T,>(text: string) => (await client.query<T>(text)).rows,
      migrate: (folder) => migrate(db, { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const name = `seed_chainmig_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  const db = drizzle(sql, { schema });
  return {
    db,
    exec: async (text) => void (await sql.unsafe(text)),
    rows: async <T,>(text: string) => (await sql.unsafe(text)) as unknown as T[],
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    close: async () => {
      await sql.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** A copy of the migrations folder whose journal ends at `lastTag`: the schema as it was then. */
function migrationsUpTo(lastTag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "marquee-migrations-"));
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((e) => e.tag === lastTag);
  if (end < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, end + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

const THEATER = "9c1f1f0e-0000-4000-8000-000000000001";
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-0000-4000-8000-${String(i + 1).padStart(12, "0")}`);
const SCREENS = ids("9c1f1f0e-0001", 2);
const MOVIE = "9c1f1f0e-0002-4000-8000-000000000001";
const SHOWS = ids("9c1f1f0e-0003", 3);
const SEATS = ids("9c1f1f0e-0004", 12);
const USERS = ids("9c1f1f0e-0005", 3);
const ORDERS = ids("9c1f1f0e-0006", 4);

/** What a theater that has been selling for a while holds, at the schema before 0010 (plain SQL: the app's schema is already past it). */
async function fill(h: Handle) {
  await h.exec(`
    insert into theaters (id, slug, name, address, time_zone, currency, booking_fee_per_ticket, tax_rate_bp, created_at)
      values ('${THEATER}', 'riverside', 'Marquee Riverside', '120 Riverside Ave, Brooklyn, NY 11201', 'America/New_York', 'usd', 150, 888, '2025-01-01T00:00:00Z');
    insert into screens (id, theater_id, name, format, grid_width, grid_height, tiers)
      values ('${SCREENS[0]}', '${THEATER}', 'Screen 1', 'standard', 7, 2, '["standard"]'),
             ('${SCREENS[1]}', '${THEATER}', 'Grand', 'large-format', 7, 2, '["standard","premium"]');
    insert into seats (id, screen_id, row_label, number, x, y, kind, tier)
      select s.id, case when s.n <= 6 then '${SCREENS[0]}' else '${SCREENS[1]}' end, case when (s.n - 1) % 6 < 3 then 'A' else 'B' end,
             ((s.n - 1) % 3) + 1, ((s.n - 1) % 3), case when (s.n - 1) % 6 < 3 then 0 else 1 end, 'standard',
             case when s.n > 9 then 'premium' else 'standard' end
      from (select unnest(array['${SEATS.join("','")}']) as id, generate_series(1, ${SEATS.length}) as n) s;
    insert into movies (id, slug, title, runtime_minutes, rating, synopsis)
      values ('${MOVIE}', 'orbit-of-ash', 'Orbit of Ash', 142, 'PG-13', 'A salvage pilot races a dying sun.');
    insert into shows (id, screen_id, movie_id, starts_at, ends_at, prices, currency, status)
      values ('${SHOWS[0]}', '${SCREENS[0]}', '${MOVIE}', '2026-11-20T00:45:00Z', '2026-11-20T03:22:00Z', '{"standard":1400}', 'usd', 'scheduled'),
             ('${SHOWS[1]}', '${SCREENS[1]}', '${MOVIE}', '2026-11-21T00:00:00Z', '2026-11-21T02:37:00Z', '{"standard":1800,"premium":2400}', 'usd', 'scheduled'),
             ('${SHOWS[2]}', '${SCREENS[0]}', '${MOVIE}', '2026-11-22T00:45:00Z', '2026-11-22T03:22:00Z', '{"standard":1400}', 'usd', 'cancelled');
    insert into "user" (id, email, name, role)
      values ('${USERS[0]}', 'boss@marquee.test', 'Boss', 'admin'), ('${USERS[1]}', 'ann@example.com', 'Ann', 'customer'), ('${USERS[2]}', 'bo@example.com', null, 'customer');
    insert into ticket_types (id, theater_id, name, sort_order) values (gen_random_uuid()::text, '${THEATER}', 'Adult', 0), (gen_random_uuid()::text, '${THEATER}', 'Child', 1);
    insert into orders (id, reference, user_id, show_id, holder_id, email, status, total_amount, currency, paid_at, created_at)
      values ('${ORDERS[0]}', 'K7QF2M9P', '${USERS[1]}', '${SHOWS[0]}', 'holder-a', 'ann@example.com', 'paid', 2800, 'usd', '2026-11-19T18:00:00Z', '2026-11-19T17:58:00Z'),
             ('${ORDERS[1]}', 'K7QF2M9Q', '${USERS[2]}', '${SHOWS[0]}', 'holder-b', 'bo@example.com', 'refunded', 1400, 'usd', '2026-11-19T19:00:00Z', '2026-11-19T18:59:00Z'),
             ('${ORDERS[2]}', 'K7QF2M9R', null, '${SHOWS[1]}', 'holder-c', 'guest@example.net', 'paid', 4200, 'usd', '2026-11-20T20:00:00Z', '2026-11-20T19:58:00Z'),
             ('${ORDERS[3]}', 'K7QF2M9S', null, '${SHOWS[1]}', 'holder-d', 'late@example.net', 'expired', 1800, 'usd', null, '2026-11-20T21:00:00Z');
    insert into order_seats (order_id, seat_id, row_label, seat_number, tier, amount)
      values ('${ORDERS[0]}', '${SEATS[0]}', 'A', 1, 'standard', 1400), ('${ORDERS[0]}', '${SEATS[1]}', 'A', 2, 'standard', 1400),
             ('${ORDERS[1]}', '${SEATS[2]}', 'A', 3, 'standard', 1400),
             ('${ORDERS[2]}', '${SEATS[6]}', 'A', 1, 'standard', 1800), ('${ORDERS[2]}', '${SEATS[9]}', 'B', 1, 'premium', 2400),
             ('${ORDERS[3]}', '${SEATS[7]}', 'A', 2, 'standard', 1800);
    insert into tickets (id, order_id, show_id, seat_id, status, admitted_at, admitted_by, voided_at)
      values (gen_random_uuid()::text, '${ORDERS[0]}', '${SHOWS[0]}', '${SEATS[0]}', 'admitted', '2026-11-20T00:30:00Z', '${USERS[0]}', null),
             (gen_random_uuid()::text, '${ORDERS[0]}', '${SHOWS[0]}', '${SEATS[1]}', 'valid', null, null, null),
             (gen_random_uuid()::text, '${ORDERS[1]}', '${SHOWS[0]}', '${SEATS[2]}', 'voided', null, null, '2026-11-19T20:00:00Z'),
             (gen_random_uuid()::text, '${ORDERS[2]}', '${SHOWS[1]}', '${SEATS[6]}', 'valid', null, null, null),
             (gen_random_uuid()::text, '${ORDERS[2]}', '${SHOWS[1]}', '${SEATS[9]}', 'valid', null, null, null);
    insert into audit_log (id, actor_id, actor_email, action, target_type, target_id, theater_id, details, created_at)
      values (gen_random_uuid()::text, '${USERS[0]}', 'boss@marquee.test', 'ticket.admit', 'order', '${ORDERS[0]}', '${THEATER}', '{"count":1}', '2026-11-20T00:30:00Z'),
             (gen_random_uuid()::text, '${USERS[0]}', 'boss@marquee.test', 'order.refund', 'order', '${ORDERS[1]}', '${THEATER}', '{"amount":1400}', '2026-11-19T20:00:00Z'),
             (gen_random_uuid()::text, '${USERS[0]}', 'boss@marquee.test', 'show.cancel', 'show', '${SHOWS[2]}', null, '{}', '2026-11-19T21:00:00Z');
  `);
}

type Fingerprint = { counts: Record<string, number>; digests: Record<string, string>; sums: Record<string, number> };

/** Every table's row count and a digest of its rows over the columns it has now; the money sums. */
async function fingerprint(h: Handle, columnsOf: Record<string, string[]>): Promise<Fingerprint> {
  const fp: Fingerprint = { counts: {}, digests: {}, sums: {} };
  for (const [table, columns] of Object.entries(columnsOf)) {
    const cols = columns.map((c) => `coalesce("${c}"::text, '∅')`).join(` || '|' || `);
    const [row] = await h.rows<{ n: number; digest: string | null }>(`select count(*)::int as n, md5(coalesce(string_agg(${cols}, E'\\n' order by ${cols}), '')) as digest from "${table}"`);
    fp.counts[table] = row.n;
    fp.digests[table] = row.digest ?? "";
  }
  const [money] = await h.rows<{ orders: number; lines: number; paid: number }>(
    `select (select coalesce(sum(total_amount), 0)::int from orders) as orders, (select coalesce(sum(amount), 0)::int from order_seats) as lines,
            (select coalesce(sum(total_amount), 0)::int from orders where status = 'paid') as paid`,
  );
  fp.sums = { ...money };
  return fp;
}

async function columnsByTable(h: Handle): Promise<Record<string, string[]>> {
  const rows = await h.rows<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.table_name] ??= []).push(r.column_name);
  return out;
}

let h: Handle;
let folder: string;
let columnsBefore: Record<string, string[]>;
let before: Fingerprint;

beforeAll(async () => {
  h = await emptyDatabase();
  folder = migrationsUpTo(BEFORE);
  await h.migrate(folder);
  await fill(h);
  columnsBefore = await columnsByTable(h);
  before = await fingerprint(h, columnsBefore);
  await h.migrate(MIGRATIONS);
}, 120_000);

afterAll(async () => {
  await h?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe(`0010_chain on a database with sales (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("was built at the schema before it: no chain tables or columns yet, the data in place", () => {
    expect(columnsBefore.theater_managers).toBeUndefined();
    expect(columnsBefore.shows).not.toContain("tags");
    expect(columnsBefore.theaters).not.toContain("id_notice");
    expect(before.counts).toMatchObject({ theaters: 1, screens: 2, seats: 12, shows: 3, orders: 4, order_seats: 6, tickets: 5, audit_log: 3, user: 3, ticket_types: 2 });
    expect(before.sums).toEqual({ orders: 10200, lines: 10200, paid: 7000 });
  });

  it("applies 0010: the new table and columns exist", async () => {
    const after = await columnsByTable(h);
    expect(after.theater_managers).toEqual(expect.arrayContaining(["user_id", "theater_id", "granted_by", "created_at"]));
    expect(after.shows).toContain("tags");
    expect(after.theaters).toContain("id_notice");
    expect(after.user).toContain("preferred_theater_id");
    const [{ applied }] = await h.rows<{ applied: number }>(`select count(*)::int as applied from drizzle.__drizzle_migrations`);
    expect(applied).toBe(11);
  });

  it("keeps every row with the same values in the columns it had, and the same counts and sums", async () => {
    const after = await fingerprint(h, columnsBefore);
    expect(after.counts).toEqual(before.counts);
    expect(after.digests).toEqual(before.digests);
    expect(after.sums).toEqual(before.sums);
  });

  it("gives the old rows the chain's defaults: no tags, no ID notice, no chosen cinema, nobody a site manager", async () => {
    expect(await h.rows(`select distinct tags from shows`)).toEqual([{ tags: [] }]);
    expect(await h.rows(`select distinct id_notice from theaters`)).toEqual([{ id_notice: "" }]);
    expect(await h.rows(`select count(*)::int as n from "user" where preferred_theater_id is not null`)).toEqual([{ n: 0 }]);
    expect(await h.rows(`select count(*)::int as n from theater_managers`)).toEqual([{ n: 0 }]);
    expect(await h.rows(`select role::text from "user" where id = '${USERS[0]}'`)).toEqual([{ role: "admin" }]);
  });

  it("keeps the theater first of many and usable: a second theater, a manager of it, the old order still read whole", async () => {
    const { db } = h;
    await db.insert(schema.theaters).values({ slug: "los-angeles", name: "Marquee Los Angeles", timeZone: "America/Los_Angeles" });
    const [first] = await db.select().from(schema.theaters).orderBy(asc(schema.theaters.createdAt)).limit(1);
    expect(first?.id).toBe(THEATER);
    expect(first?.name).toBe("Marquee Riverside");
    const [la] = await db.select().from(schema.theaters).where(eq(schema.theaters.slug, "los-angeles"));
    await db.update(schema.users).set({ role: "manager" }).where(eq(schema.users.id, USERS[2]));
    await db.insert(schema.theaterManagers).values({ userId: USERS[2], theaterId: la.id, grantedBy: USERS[0] });
    expect(await theaterIdsManagedBy(db, USERS[2])).toEqual([la.id]);
    expect(await theaterOfShow(db, SHOWS[0])).toBe(THEATER);
    expect(await theaterOfOrder(db, ORDERS[2])).toBe(THEATER);
    const detail = await orderDetail(db, ORDERS[2]);
    expect(detail?.theater.id).toBe(THEATER);
    expect(detail?.order.totalAmount).toBe(4200);
    expect(detail?.seats.map((s) => s.amount).sort()).toEqual([1800, 2400]);
    await db.update(schema.shows).set({ tags: ["imax", "audio-description"] }).where(eq(schema.shows.id, SHOWS[1]));
    expect((await db.select({ tags: schema.shows.tags }).from(schema.shows).where(eq(schema.shows.id, SHOWS[1])))[0].tags).toEqual(["imax", "audio-description"]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { createTestDatabase } from "../support/test-db";
import type { Database } from "@/db/client";
import { runChecks } from "@/db/invariants";
import { seedIfEmpty, PAST_DAYS } from "@/db/seed";
import { demand, seedSales, type SalesReport } from "@/db/seed-sales";
import { auditLog, orders, priceCards, screens, shows, theaters, tickets, ticketTypes, users } from "@/db/schema";
import { theaterIdsManagedBy } from "@/db/queries/theater-scope";
import { unknownTagIds } from "@/lib/show-tags";
import { stopOutboxWorker } from "@/lib/email/kick";
import { resetEnvForTests } from "@/lib/env";
import { setPaymentsForTests } from "@/lib/payments";
import { setSeatLocksForTests } from "@/lib/seat-locks";
import { localDate, localTime24 } from "@/lib/time";

// The demo chain (`npm run demo`): two theaters in two zones, their screens, cards, tags and staff,
// and a month of past sales made through the order code (db/seed-sales.ts), at one and a half
// times the demo's volume.

let database: Database & { name: string };
let report: SalesReport;
const now = new Date();

beforeAll(async () => {
  // The local checkout, as `npm run demo` has it.
  delete process.env.STRIPE_SECRET_KEY;
  Object.assign(process.env, {
    TICKET_SIGNING_SECRET: "test-ticket-secret-0123456789abcdef0123",
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "marquee-")),
    APP_URL: "http://localhost:3999",
  });
  resetEnvForTests();
  setPaymentsForTests(undefined);
  setSeatLocksForTests(undefined);
  database = await createTestDatabase();
  expect(await seedIfEmpty(database.db, now, { demo: true, stories: true })).toBe(true);
  report = (await seedSales(database.db, now, { ordersPerSeat: 0.0015 }))!;
}, 600_000);

afterAll(async () => {
  stopOutboxWorker();
  await database?.close();
});

const theaterBySlug = async (slug: string) => (await database.db.select().from(theaters).where(eq(theaters.slug, slug)))[0];

describe(`the demo chain (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("has New York first and Los Angeles second, in their zones, with different screens (LA has IMAX)", async () => {
    const { db } = database;
    expect((await db.select().from(theaters).orderBy(asc(theaters.createdAt)).limit(1))[0]?.slug).toBe("new-york");
    const ny = await theaterBySlug("new-york");
    const la = await theaterBySlug("los-angeles");
    expect([ny.name, ny.timeZone]).toEqual(["Marquee New York", "America/New_York"]);
    expect([la.name, la.timeZone]).toEqual(["Marquee Los Angeles", "America/Los_Angeles"]);
    const screensOf = async (id: string) => (await db.select().from(screens).where(eq(screens.theaterId, id))).map((s) => `${s.name}:${s.format}`).sort();
    expect(await screensOf(ny.id)).toEqual(["Grand (Large Format):large-format", "Screen 1:standard", "Screen 2:standard"]);
    expect(await screensOf(la.id)).toEqual(["IMAX:imax", "Studio A:standard", "Studio B:standard"]);
  });

  it("gives each theater its ticket types and price cards, and puts LA's IMAX shows on the IMAX card", async () => {
    const { db } = database;
    for (const slug of ["new-york", "los-angeles"]) {
      const t = await theaterBySlug(slug);
      expect((await db.select().from(ticketTypes).where(eq(ticketTypes.theaterId, t.id))).map((x) => x.name).sort()).toEqual(["Adult", "Child", "Senior", "Student"]);
      expect((await db.select().from(priceCards).where(eq(priceCards.theaterId, t.id))).length).toBe(4);
    }
    const imax = await db
      .select({ card: priceCards.name })
      .from(shows)
      .innerJoin(screens, eq(screens.id, shows.screenId))
      .innerJoin(priceCards, eq(priceCards.id, shows.priceCardId))
      .where(eq(screens.name, "IMAX"));
    expect(imax.length).toBeGreaterThan(0);
    expect(new Set(imax.map((r) => r.card))).toEqual(new Set(["IMAX"]));
  });

  it("tags shows from the vocabulary: every IMAX show is imax, some with audio description", async () => {
    const { db } = database;
    const rows = await db.select({ tags: shows.tags, screen: screens.name }).from(shows).innerJoin(screens, eq(screens.id, shows.screenId));
    expect(unknownTagIds(rows.flatMap((r) => r.tags))).toEqual([]);
    const imax = rows.filter((r) => r.screen === "IMAX");
    expect(imax.every((r) => r.tags.includes("imax"))).toBe(true);
    const described = imax.filter((r) => r.tags.includes("audio-description")).length;
    expect(described).toBeGreaterThan(0);
    expect(described).toBeLessThan(imax.length);
  });

  it("has a chain admin and a site manager per theater among the demo accounts", async () => {
    const { db } = database;
    const account = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];
    expect((await account("admin@marquee.test")).role).toBe("admin");
    const ny = await theaterBySlug("new-york");
    const la = await theaterBySlug("los-angeles");
    const nyManager = await account("manager.ny@marquee.test");
    const laManager = await account("manager.la@marquee.test");
    expect([nyManager.role, laManager.role]).toEqual(["manager", "manager"]);
    expect(await theaterIdsManagedBy(db, nyManager.id)).toEqual([ny.id]);
    expect(await theaterIdsManagedBy(db, laManager.id)).toEqual([la.id]);
  });

  it("sold the past month in both theaters through checkout: paid before the show, checked in at the door by the theater's manager", async () => {
    const { db } = database;
    expect(report.paid).toBeGreaterThan(20);
    expect(report.abandoned).toBeGreaterThan(0);
    const sold = await db
      .select({ theaterId: screens.theaterId, status: orders.status, createdAt: orders.createdAt, paidAt: orders.paidAt, startsAt: shows.startsAt, session: orders.stripeSessionId })
      .from(orders)
      .innerJoin(shows, eq(shows.id, orders.showId))
      .innerJoin(screens, eq(screens.id, shows.screenId))
      .where(sql`${orders.email} not like '%@marquee.test'`);
    expect(sold.length).toBe(report.orders);
    const paid = sold.filter((o) => o.status === "paid");
    expect(paid.length).toBe(report.paid);
    expect(new Set(paid.map((o) => o.theaterId)).size).toBe(2);
    const monthAgo = now.getTime() - (PAST_DAYS + 8) * 24 * 3600_000;
    for (const o of paid) {
      expect(o.session).toMatch(/^cs_local_/);
      expect(o.createdAt.getTime()).toBeLessThan(o.paidAt!.getTime());
      expect(o.paidAt!.getTime()).toBeLessThan(o.startsAt.getTime());
      expect(o.paidAt!.getTime()).toBeGreaterThan(monthAgo);
    }
    // Walked away from the payment page: closed by the expired event, no tickets.
    expect(sold.filter((o) => o.status === "expired").length).toBe(report.abandoned);

    const admitted = await db
      .select({ at: tickets.admittedAt, by: tickets.admittedBy, startsAt: shows.startsAt, theaterId: screens.theaterId })
      .from(tickets)
      .innerJoin(shows, eq(shows.id, tickets.showId))
      .innerJoin(screens, eq(screens.id, shows.screenId))
      .where(eq(tickets.status, "admitted"));
    expect(admitted.length).toBe(report.admitted);
    expect(report.admitted).toBeLessThan(report.tickets);
    expect(report.admitted).toBeGreaterThan(report.tickets * 0.7);
    for (const t of admitted) {
      expect(t.at!.getTime()).toBeLessThan(now.getTime());
      expect(Math.abs(t.at!.getTime() - t.startsAt.getTime())).toBeLessThan(45 * 60_000);
      expect(await theaterIdsManagedBy(db, t.by!)).toEqual([t.theaterId]);
    }
    const audits = await db.select({ theaterId: auditLog.theaterId, at: auditLog.createdAt }).from(auditLog).where(eq(auditLog.action, "ticket.admit"));
    expect(audits.length).toBe(report.admitted);
    expect(audits.every((a) => a.theaterId && a.at.getTime() < now.getTime())).toBe(true);
  });

  it("left every show still to come unsold (the demo's buyers find empty houses)", async () => {
    const { db } = database;
    const future = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .innerJoin(shows, eq(shows.id, orders.showId))
      .where(and(sql`${shows.startsAt} > ${now.toISOString()}`, sql`${orders.email} not like '%@marquee.test'`));
    expect(future[0].n).toBe(0);
  });

  it("sells like a cinema: weekends and evenings busier than early week and matinees", async () => {
    // The demand the month is drawn from (New York times; 1 = a Saturday evening of a hit).
    const at = (date: string, time: string) => ({ startsAt: new Date(`${date}T${time}:00-05:00`), timeZone: "America/New_York", popularity: 1 });
    expect(demand(at("2026-11-21", "20:00"))).toBe(1); // Saturday evening
    expect(demand(at("2026-11-20", "20:00"))).toBeGreaterThan(demand(at("2026-11-17", "20:00"))); // Friday over Tuesday
    expect(demand(at("2026-11-17", "20:00"))).toBeGreaterThan(demand(at("2026-11-16", "20:00"))); // discount Tuesday over Monday
    expect(demand(at("2026-11-21", "11:30"))).toBeLessThan(demand(at("2026-11-21", "20:00")) / 2); // the matinee
    // And what was sold follows it: Friday and Saturday shows sold more than Monday and Wednesday ones.
    const { db } = database;
    const rows = await db
      .select({ startsAt: shows.startsAt, zone: theaters.timeZone, sold: sql<number>`(select count(*)::int from ${tickets} t where t.show_id = ${shows.id} and t.status <> 'voided')` })
      .from(shows)
      .innerJoin(screens, eq(screens.id, shows.screenId))
      .innerJoin(theaters, eq(theaters.id, screens.theaterId))
      .where(sql`${shows.startsAt} < ${now.toISOString()}`);
    const weekday = (r: (typeof rows)[number]) => new Date(`${localDate(r.startsAt, r.zone)}T12:00:00Z`).getUTCDay();
    const sold = (days: number[]) => rows.filter((r) => days.includes(weekday(r))).reduce((sum, r) => sum + r.sold, 0);
    expect(sold([5, 6])).toBeGreaterThan(sold([1, 3]));
    const evening = rows.filter((r) => { const h = Number(localTime24(r.startsAt, r.zone).slice(0, 2)); return h >= 17; }).reduce((sum, r) => sum + r.sold, 0);
    expect(evening).toBeGreaterThan(report.tickets / 2);
  });

  it("sells the month once: a second start finds the customers there and sells nothing", async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(orders);
    expect(await seedSales(database.db, now)).toBeNull();
    expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(orders)).toEqual(before);
  });

  it("keeps every invariant (Postgres)", async () => {
    if (!process.env.DATABASE_URL) return;
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${database.name}`;
    const pg = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      expect((await runChecks(pg)).violations).toEqual([]);
    } finally {
      await pg.end();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase } from "../support/test-db";
import { uniqueViolation, type Database } from "@/db/client";
import { seedIfEmpty } from "@/db/seed";
import { movies, orders, screens, seats, shows, stripeEvents, theaters, tickets, emailOutbox } from "@/db/schema";

let database: Database;
const now = new Date("2026-11-21T15:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the statement to be refused");
}

describe(`schema and seed (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("seeds a theater, three screens, eight movies and a week of shows", async () => {
    const { db } = database;
    expect(await seedIfEmpty(db, now)).toBe(true);
    const [t] = await db.select().from(theaters);
    expect(t.timeZone).toBe("America/New_York");
    const screenRows = await db.select().from(screens);
    expect(screenRows).toHaveLength(3);
    const [{ n: seatCount }] = await db.select({ n: sql<number>`count(*)::int` }).from(seats);
    expect(seatCount).toBe(120 + 220 + 468);
    expect(await db.select().from(movies)).toHaveLength(8);
    const showRows = await db.select().from(shows);
    expect(showRows.length).toBe(7 * (5 + 4 + 3));
    const days = new Set(showRows.map((s) => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(s.startsAt)));
    expect([...days].sort()).toEqual(["2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"]);
    // The first Screen 1 show opens at 11:30 in New York, whatever zone this machine is in.
    const first = showRows.filter((s) => s.screenId === screenRows.find((x) => x.name === "Screen 1")!.id).sort((a, b) => +a.startsAt - +b.startsAt)[0];
    expect(first.startsAt.toISOString()).toBe("2026-11-21T16:30:00.000Z");
  });

  it("seeding again changes nothing", async () => {
    const { db } = database;
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(shows);
    expect(await seedIfEmpty(db, now)).toBe(false);
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(shows);
    expect(after).toEqual(before);
  });

  it("refuses two live tickets for one seat of one show, but allows it after voiding", async () => {
    const { db } = database;
    const [show] = await db.select().from(shows).limit(1);
    const [seat] = await db.select().from(seats).where(eq(seats.screenId, show.screenId)).limit(1);
    const makeOrder = async () =>
      (
        await db
          .insert(orders)
          .values({ showId: show.id, holderId: crypto.randomUUID(), email: "a@example.com", totalAmount: 1250, currency: "usd", status: "paid" })
          .returning()
      )[0];
    const a = await makeOrder();
    const b = await makeOrder();
    const [first] = await db.insert(tickets).values({ orderId: a.id, showId: show.id, seatId: seat.id }).returning();
    const err = await rejection(db.insert(tickets).values({ orderId: b.id, showId: show.id, seatId: seat.id }));
    expect(uniqueViolation(err)).toBe("tickets_live_seat_unique");
    await db.update(tickets).set({ status: "voided", voidedAt: new Date() }).where(eq(tickets.id, first.id));
    await db.insert(tickets).values({ orderId: b.id, showId: show.id, seatId: seat.id });
    const live = await db.select().from(tickets).where(eq(tickets.seatId, seat.id));
    expect(live.filter((t) => t.status !== "voided")).toHaveLength(1);
  });

  it("refuses duplicate seats in a screen, negative money, shows ending before they start, repeated events and outbox keys", async () => {
    const { db } = database;
    const [seat] = await db.select().from(seats).limit(1);
    expect(uniqueViolation(await rejection(db.insert(seats).values({ ...seat, id: crypto.randomUUID() })))).toBe("seats_screen_row_number");
    const [show] = await db.select().from(shows).limit(1);
    await rejection(db.insert(orders).values({ showId: show.id, holderId: "h", email: "x@example.com", totalAmount: -1, currency: "usd" }));
    await rejection(db.insert(shows).values({ ...show, id: crypto.randomUUID(), endsAt: show.startsAt }));
    await db.insert(stripeEvents).values({ id: "evt_1", type: "checkout.session.completed" });
    expect(uniqueViolation(await rejection(db.insert(stripeEvents).values({ id: "evt_1", type: "checkout.session.completed" })))).not.toBeNull();
    await db.insert(emailOutbox).values({ dedupeKey: "k1", template: "t", toAddress: "a@example.com", subject: "s" });
    expect(uniqueViolation(await rejection(db.insert(emailOutbox).values({ dedupeKey: "k1", template: "t", toAddress: "a@example.com", subject: "s" })))).not.toBeNull();
  });
});

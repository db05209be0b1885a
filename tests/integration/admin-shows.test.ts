import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { auditLog, emailOutbox, movies, orders, screens, shows, theaters, tickets } from "@/db/schema";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";
import type { AdminActor } from "@/lib/auth/session-user";
import { cancelShow } from "@/lib/booking/cancel-show";
import { createScreen } from "@/lib/venue/create-screen";
import { scheduleShows, type DateClash } from "@/lib/catalog/schedule-shows";
import { addDays, localDate, zonedToUtc } from "@/lib/time";
import { bookingWorld } from "../support/booking-fixture";
import { theaterWithDefaultCard } from "../support/default-card-fixture";
import { refusal } from "../support/refusal";

let world: Awaited<ReturnType<typeof bookingWorld>>;
let admin: AdminActor;
let timeZone: string;
let pricing: Awaited<ReturnType<typeof theaterWithDefaultCard>>;

beforeAll(async () => {
  world = await bookingWorld();
  admin = await world.admin("shows-admin@example.com");
  timeZone = (await world.db.select().from(theaters))[0].timeZone;
  pricing = await theaterWithDefaultCard(world.db);
});
afterAll(async () => {
  await world?.close();
});

async function aMovie(runtimeMinutes?: number) {
  const [movie] = await world.db.select().from(movies).where(runtimeMinutes ? eq(movies.runtimeMinutes, runtimeMinutes) : undefined).orderBy(asc(movies.title)).limit(1);
  return movie;
}

async function emptyScreen(name: string) {
  const [theater] = await world.db.select().from(theaters);
  return (await createScreen(admin, { theaterId: theater.id, name, format: "standard", tiers: ["standard", "premium"], rows: 2, seatsPerRow: 4 })).id;
}

const showsOn = (screenId: string) => world.db.select().from(shows).where(eq(shows.screenId, screenId)).orderBy(asc(shows.startsAt));
const today = () => localDate(new Date(), timeZone);

describe("scheduling", () => {
  it("puts the show on sale with the card the rules pick (a snapshot of its prices), the start in the theater's time zone, the cleaning buffer in the end time", async () => {
    const screenId = await emptyScreen("Sched A");
    const movie = await aMovie();
    const date = addDays(today(), 3);
    const { showIds, cards } = await scheduleShows(admin, { movieId: movie.id, screenId, date, time: "19:30", days: 1 });
    const [show] = await world.db.select().from(shows).where(eq(shows.id, showIds[0]));
    // shows.prices holds the lowest price per tier: the seat map's "from" price.
    expect(show).toMatchObject({ priceCardId: pricing.defaultCard.id, priceCardOverridden: false, prices: { standard: Math.min(...Object.values(pricing.defaultCard.prices.standard)) } });
    expect(show.priceSnapshot).toMatchObject({ cardId: pricing.defaultCard.id, cardName: pricing.defaultCard.name, prices: { standard: pricing.defaultCard.prices.standard, premium: pricing.defaultCard.prices.premium } });
    expect(cards).toEqual([{ date, card: pricing.defaultCard.name, why: "the default card: no other card fits" }]);
    expect(show.startsAt.toISOString()).toBe(zonedToUtc(date, "19:30", timeZone).toISOString());
    expect(show.endsAt.getTime() - show.startsAt.getTime()).toBe((movie.runtimeMinutes + 15) * 60_000);
    const [audit] = await world.db.select().from(auditLog).where(eq(auditLog.action, "show.schedule"));
    expect(audit).toMatchObject({ actorId: admin.id, targetId: screenId, details: expect.objectContaining({ dates: [date], showIds }) });
  });

  it("wants a card that prices every tier of the screen, and a start in the future", async () => {
    const [theater] = await world.db.select().from(theaters);
    const vip = (await createScreen(admin, { theaterId: theater.id, name: "Sched VIP", format: "standard", tiers: ["standard", "recliner"], rows: 2, seatsPerRow: 4 })).id;
    const movie = await aMovie();
    const missing = await refusal(scheduleShows(admin, { movieId: movie.id, screenId: vip, date: addDays(today(), 2), time: "10:00", days: 1 }));
    expect(missing.details?.fieldErrors).toEqual({ priceCardId: [expect.stringMatching(new RegExp(`^${pricing.defaultCard.name} \\(picked for .+\\) has no recliner prices, which Sched VIP sells`))] });
    expect(await showsOn(vip)).toHaveLength(0);
    const screenId = await emptyScreen("Sched B");
    const past = await refusal(scheduleShows(admin, { movieId: movie.id, screenId, date: addDays(today(), -1), time: "10:00", days: 1 }));
    expect(past.details?.fieldErrors).toEqual({ time: ["That start time has already passed."] });
    expect(await showsOn(screenId)).toHaveLength(0);
  });

  it("refuses a show overlapping a scheduled one on the screen, counting runtime and cleaning", async () => {
    const { show } = await world.aShow(4);
    const [screen] = await world.db.select().from(screens).where(eq(screens.id, show.screenId));
    const before = (await showsOn(screen.id)).length;
    const movie = await aMovie();
    // Start so that runtime + 15 minutes ends 5 minutes after the seeded show begins.
    const start = new Date(show.startsAt.getTime() - (movie.runtimeMinutes + 10) * 60_000);
    const date = localDate(start, timeZone);
    const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(start);
    const err = await refusal(scheduleShows(admin, { movieId: movie.id, screenId: screen.id, date, time, days: 1 }));
    expect(err.code).toBe("conflict");
    expect(err.message).toMatch(new RegExp(`^Nothing was scheduled: ${screen.name} is busy on `));
    const [seeded] = await world.db.select({ title: movies.title }).from(movies).where(eq(movies.id, show.movieId));
    expect((err.details?.clashes as DateClash[])[0]).toMatchObject({ date, with: expect.arrayContaining([expect.stringMatching(new RegExp(`^${seeded.title} \\d`))]) });
    expect(await showsOn(screen.id)).toHaveLength(before);
  });

  it("a cancelled show does not block its slot", async () => {
    const screenId = await emptyScreen("Sched C");
    const movie = await aMovie();
    const date = addDays(today(), 4);
    const { showIds } = await scheduleShows(admin, { movieId: movie.id, screenId, date, time: "18:00", days: 1 });
    await cancelShow(admin, { showId: showIds[0] });
    const again = await scheduleShows(admin, { movieId: movie.id, screenId, date, time: "18:00", days: 1 });
    expect(again.showIds).toHaveLength(1);
  });

  it("repeats daily all or nothing: one clashing day schedules none and names that day; a free slot schedules them all", async () => {
    const screenId = await emptyScreen("Sched D");
    const movie = await aMovie();
    const first = addDays(today(), 2);
    await scheduleShows(admin, { movieId: movie.id, screenId, date: addDays(first, 3), time: "20:00", days: 1 });

    const err = await refusal(scheduleShows(admin, { movieId: movie.id, screenId, date: first, time: "20:30", days: 7 }));
    expect((err.details?.clashes as DateClash[]).map((c) => c.date)).toEqual([addDays(first, 3)]);
    expect(await showsOn(screenId)).toHaveLength(1);

    const week = await scheduleShows(admin, { movieId: movie.id, screenId, date: first, time: "11:00", days: 7 });
    expect(week.dates).toEqual(Array.from({ length: 7 }, (_, i) => addDays(first, i)));
    const rows = await showsOn(screenId);
    expect(rows).toHaveLength(8);
    const times = rows.filter((r) => week.showIds.includes(r.id)).map((r) => new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(r.startsAt));
    expect(new Set(times)).toEqual(new Set(["11:00"]));
  });

  it("refuses a repeat whose days meet each other (a runtime longer than a day)", async () => {
    const screenId = await emptyScreen("Sched E");
    const [movie] = await world.db.insert(movies).values({ slug: "marathon", title: "Marathon", runtimeMinutes: 600 }).returning();
    // Ten hours plus cleaning from 20:00 runs into the next day, but not into 20:00: no clash.
    const ok = await scheduleShows(admin, { movieId: movie.id, screenId, date: addDays(today(), 2), time: "20:00", days: 2 });
    expect(ok.showIds).toHaveLength(2);
  });

  it("charges a show in its theater's currency", async () => {
    const screenId = await emptyScreen("Sched Yen");
    const movie = await aMovie();
    const [theater] = await world.db.select().from(theaters);
    await world.db.update(theaters).set({ currency: "jpy" }).where(eq(theaters.id, theater.id));
    try {
      const { showIds } = await scheduleShows(admin, { movieId: movie.id, screenId, date: addDays(today(), 2), time: "10:00", days: 1 });
      const [show] = await world.db.select().from(shows).where(eq(shows.id, showIds[0]));
      expect(show.currency).toBe("jpy");
    } finally {
      await world.db.update(theaters).set({ currency: theater.currency }).where(eq(theaters.id, theater.id));
    }
  });
});

describe("cancelling a show", () => {
  it("refunds every paid order (each customer emailed), closes unpaid checkouts, and puts no seat on sale", async () => {
    const { show, seat } = await world.aShow(1);
    const paid = [(await world.buy(show.id, [seat("C", 1).id, seat("C", 2).id])).orderId, (await world.buy(show.id, [seat("D", 1).id])).orderId];
    const customer = await world.customer("ditherer");
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("E", 1).id] }, customer.holder);
    const { orderId: pending } = await startCheckout(world.db, show.id, customer, "http://localhost:3999");

    const result = await cancelShow(admin, { showId: show.id });
    expect(result).toEqual({ refunded: 2, alreadyRefunded: 0, closed: 1, failed: [] });

    const [after] = await world.db.select().from(shows).where(eq(shows.id, show.id));
    expect(after.status).toBe("cancelled");
    const orderRows = await world.db.select().from(orders).where(inArray(orders.id, [...paid, pending]));
    for (const o of orderRows.filter((o) => paid.includes(o.id))) expect(o).toMatchObject({ status: "refunded", refundReason: "show_cancelled", stripeRefundId: expect.any(String) });
    expect(orderRows.find((o) => o.id === pending)).toMatchObject({ status: "cancelled" });
    expect(world.stripe.sessions.get(orderRows.find((o) => o.id === pending)!.stripeSessionId!)?.status).toBe("expired");
    expect(await world.db.select().from(tickets).where(and(eq(tickets.showId, show.id), ne(tickets.status, "voided")))).toHaveLength(0);
    const mails = await world.db.select().from(emailOutbox).where(inArray(emailOutbox.dedupeKey, paid.map((id) => `booking-refunded:${id}`)));
    expect(mails).toHaveLength(2);
    expect([...world.stripe.refunds.values()].filter((r) => orderRows.some((o) => o.stripePaymentIntentId === r.payment_intent))).toHaveLength(2);

    // The show is off sale: nobody can hold its seats now.
    await expect(holdSeats(world.db, { showId: show.id, seatIds: [seat("F", 1).id] }, "someone")).rejects.toMatchObject({ code: "conflict" });
    expect((await seatSnapshot(world.db, show.id, null)).states[seat("C", 1).id]).toBeUndefined();

    // Running it again finds nothing left to do and refunds no one twice.
    expect(await cancelShow(admin, { showId: show.id })).toEqual({ refunded: 0, alreadyRefunded: 0, closed: 0, failed: [] });
    const actions = (await world.db.select().from(auditLog).where(eq(auditLog.targetId, show.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["show.cancel", "show.cancel.refunds"]));
  });

  it("refuses to cancel a show that is over", async () => {
    const [past] = await world.db
      .insert(shows)
      .values({ screenId: (await world.aShow()).show.screenId, movieId: (await aMovie()).id, startsAt: new Date(Date.now() - 4 * 3600_000), endsAt: new Date(Date.now() - 3600_000), prices: { standard: 1000 } })
      .returning();
    expect((await refusal(cancelShow(admin, { showId: past.id }))).code).toBe("conflict");
  });
});

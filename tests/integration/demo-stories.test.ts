import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gt } from "drizzle-orm";
import postgres from "postgres";
import { runChecks } from "@/db/invariants";
import { seedStories, STORY_EMAILS } from "@/db/seed-stories";
import { emailOutbox, orders, shows, users, waitlistOffers } from "@/db/schema";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { stopOutboxWorker } from "@/lib/email/kick";
import { setPaymentsForTests } from "@/lib/payments";
import { localGateway } from "@/lib/payments/local-gateway";
import { getSeatLocks } from "@/lib/seat-locks";
import { areAdjacent } from "@/lib/seat-map/geometry";
import { bookingWorld } from "../support/booking-fixture";

// Issue 21's "done when" on the demo data (db/seed-stories.ts): the swap customer has a booking
// with a dearer later show of the same movie to move to, and cancelling the booking in the
// sold-out show holds three adjacent seats for the waiting party of 3 and emails them.

let world: Awaited<ReturnType<typeof bookingWorld>>;
beforeAll(async () => {
  world = await bookingWorld();
  await world.db.transaction((tx) => seedStories(tx, new Date()));
  // The demo's bookings were paid at the local checkout, as `npm run demo` pays.
  setPaymentsForTests(localGateway);
});
afterAll(async () => {
  setPaymentsForTests(undefined);
  stopOutboxWorker();
  await world?.close();
});

const orderOf = async (email: string) => {
  const [user] = await world.db.select().from(users).where(eq(users.email, email));
  return (await world.db.select().from(orders).where(eq(orders.userId, user.id)))[0];
};

/** The checks are SQL for postgres.js: they run where the database is Postgres (CI). */
async function expectInvariants() {
  if (!world.databaseUrl) return;
  const sql = postgres(world.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    expect((await runChecks(sql)).violations).toEqual([]);
  } finally {
    await sql.end();
  }
}

describe("npm run demo: issue 21's stories", () => {
  it("the demo database keeps every invariant", expectInvariants);

  it("the swap customer's booking has a later, dearer show of the same movie to move to", async () => {
    const order = await orderOf(STORY_EMAILS.swap);
    const [show] = await world.db.select().from(shows).where(eq(shows.id, order.showId));
    const later = await world.db.select().from(shows).where(and(eq(shows.movieId, show.movieId), gt(shows.startsAt, show.startsAt)));
    expect(later.some((s) => Object.values(s.prices).some((p) => p > show.prices.standard))).toBe(true);
  });

  it("cancelling the booking in the sold-out show holds three adjacent seats for the party of 3 and emails them", async () => {
    const order = await orderOf(STORY_EMAILS.cancel);
    expect(await cancelBooking(world.db, order.id)).toBe("refunded");
    const [offer] = await world.db.select().from(waitlistOffers).where(eq(waitlistOffers.showId, order.showId));
    expect(offer.seatIds).toHaveLength(3);
    const seatRows = (await world.aShow(0)).seats.filter((s) => offer.seatIds.includes(s.id)).map((s) => ({ id: s.id, row: s.rowLabel, number: s.number, x: s.x, y: s.y, kind: s.kind, tier: s.tier }));
    seatRows.sort((a, b) => a.x - b.x);
    expect(areAdjacent(seatRows[0], seatRows[1]) && areAdjacent(seatRows[1], seatRows[2])).toBe(true);
    const holders = await getSeatLocks().holders(order.showId, offer.seatIds);
    expect([...holders.values()]).toEqual([offer.holderId, offer.holderId, offer.holderId]);
    const mail = await world.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, STORY_EMAILS.party), eq(emailOutbox.template, "waitlist-offer")));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toMatch(/^3 seats are held for you/);
    await expectInvariants();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { emailOutbox, orders, users, waitlistOffers } from "@/db/schema";
import { joinWaitlistEntry, seatsResoldThroughWaitlist } from "@/db/queries/waitlist";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { holdSeats } from "@/lib/booking/holds";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { startCheckout } from "@/lib/booking/start-checkout";
import { joinWaitlist } from "@/lib/booking/waitlist/entries";
import { endOffer, offerFreedSeats, sweepWaitlists } from "@/lib/booking/waitlist/offer-seats";
import { declineOffer, takeOffer } from "@/lib/booking/waitlist/take-offer";
import { stopOutboxWorker } from "@/lib/email/kick";
import { seatLabel } from "@/lib/booking/seat-label";
import { getSeatLocks } from "@/lib/seat-locks";
import { bookingWorld } from "../support/booking-fixture";

// Issue 21's seated waitlist: parties wait for N seats together; seats that come back — by any
// event, or by a hold that simply ran out — are held as a block for the first party that fits
// and offered by email; no two workers ever offer the same seats. Real Postgres and Redis in CI.

let world: Awaited<ReturnType<typeof bookingWorld>>;
beforeAll(async () => {
  world = await bookingWorld();
});
afterAll(async () => {
  stopOutboxWorker();
  await world?.close();
});

const BASE = "http://localhost:3999";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Show = Awaited<ReturnType<typeof world.aShow>>;

/** Everyone else holds every seat but these (a full house), for an hour. */
async function fillHouseBut(show: Show, free: string[]) {
  const crowd = `crowd_${crypto.randomUUID().replace(/-/g, "")}`;
  const rest = show.seats.map((s) => s.id).filter((id) => !free.includes(id));
  expect((await getSeatLocks().hold(show.show.id, rest, crowd, 3_600_000)).ok).toBe(true);
  return crowd;
}

/** A party on the waitlist; `joinedEarlier` puts it there directly (it joined while the house was full). */
async function party(name: string, show: Show, size: number, opts: { acceptApart?: boolean; joinedEarlier?: boolean } = {}) {
  const email = `${name}-${crypto.randomUUID().slice(0, 6)}@example.com`;
  const [user] = await world.db.insert(users).values({ email, name }).returning();
  const wish = { partySize: size, tier: null, acceptApart: opts.acceptApart ?? false };
  if (opts.joinedEarlier) await joinWaitlistEntry(world.db, show.show.id, user.id, wish);
  else await joinWaitlist(world.db, show.show.id, { id: user.id, email }, null, wish);
  return { id: user.id, email, holder: crypto.randomUUID().replace(/-/g, "") };
}

const offersOf = (showId: string) => world.db.select().from(waitlistOffers).where(eq(waitlistOffers.showId, showId));
const offerEmails = (to: string) => world.db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, "waitlist-offer")));

describe("a waitlist that holds seats together", () => {
  it("a party of 4 is offered four seats together after two separate cancellations of 2 adjacent seats, held for it", async () => {
    const show = await world.aShow(0);
    const pairs = [[show.seat("C", 3).id, show.seat("C", 4).id], [show.seat("C", 5).id, show.seat("C", 6).id]];
    await fillHouseBut(show, pairs.flat());
    const buyers = await Promise.all(pairs.map(async (p, i) => {
      const c = await world.customer(`pair${i}`);
      await holdSeats(world.db, { showId: show.show.id, seatIds: p }, c.holder);
      const { orderId } = await startCheckout(world.db, show.show.id, c, BASE);
      const sessionId = (await world.db.select().from(orders).where(eq(orders.id, orderId)))[0].stripeSessionId!;
      world.stripe.complete(sessionId);
      await syncOrderWithSession(world.db, sessionId);
      return orderId;
    }));
    const family = await party("family", show, 4);
    const couple = await party("couple-later", show, 2);

    // First pair back: no four together, and the family is never offered seats apart. The couple
    // behind them fits, so it is offered that pair.
    await cancelBooking(world.db, buyers[0]);
    let offers = await offersOf(show.show.id);
    expect(offers.map((o) => o.seatIds)).toEqual([pairs[0]]);
    expect(await offerEmails(family.email)).toHaveLength(0);
    // The couple lets it go: the pair is back on sale (nobody else fits).
    await declineOffer(world.db, offers[0].id, couple.id);

    await cancelBooking(world.db, buyers[1]);
    offers = (await offersOf(show.show.id)).filter((o) => o.status === "open");
    expect(offers).toHaveLength(1);
    expect(offers[0].seatIds.sort()).toEqual(pairs.flat().sort());
    expect(offers[0].together).toBe(true);
    const holders = await getSeatLocks().holders(show.show.id, pairs.flat());
    expect(new Set(holders.values())).toEqual(new Set([offers[0].holderId]));
    const [mail] = await offerEmails(family.email);
    expect(mail.subject).toBe(`4 seats are held for you: ${(await world.db.query.movies.findFirst({ where: (m, { eq }) => eq(m.id, show.show.movieId) }))!.title}`);
    expect(mail.html).toContain(`${BASE}/waitlist/offers/${offers[0].id}`);
    expect(mail.html).toContain([3, 4, 5, 6].map((n) => seatLabel("C", n)).join("; "));

    // Taking it lands on checkout with exactly those seats; paying counts them as resold.
    const before = await seatsResoldThroughWaitlist(world.db);
    const { orderId } = await takeOffer(world.db, offers[0].id, { holder: family.holder, userId: family.id, email: family.email }, BASE);
    const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
    world.stripe.complete(order.stripeSessionId!);
    expect(await syncOrderWithSession(world.db, order.stripeSessionId!)).toBe("paid");
    expect(await seatsResoldThroughWaitlist(world.db)).toBe(before + 4);
    await expect(takeOffer(world.db, offers[0].id, { holder: family.holder, userId: family.id, email: family.email }, BASE)).rejects.toMatchObject({ code: "gone" });
  });

  it("a hold that simply runs out by TTL (no event anywhere) is noticed by the sweep and offered", async () => {
    const show = await world.aShow(1);
    const pair = [show.seat("D", 7).id, show.seat("D", 8).id];
    await fillHouseBut(show, pair);
    // A customer holds the last two seats and walks away.
    expect((await getSeatLocks().hold(show.show.id, pair, "walked-away-holder-000000", 300)).ok).toBe(true);
    const waiting = await party("ttl", show, 2);
    expect((await sweepWaitlists(world.db)).offered).toBe(0);
    await sleep(450);
    const swept = await sweepWaitlists(world.db);
    expect(swept.offered).toBeGreaterThanOrEqual(1);
    const offers = await offersOf(show.show.id);
    expect(offers.map((o) => o.seatIds.sort())).toEqual([pair.sort()]);
    expect(await offerEmails(waiting.email)).toHaveLength(1);
  });

  it("two workers at once never offer the same seats, and each party gets one offer; a decline passes the block on", async () => {
    const show = await world.aShow(2);
    const blocks = [[show.seat("F", 1).id, show.seat("F", 2).id], [show.seat("F", 9).id, show.seat("F", 10).id]];
    await fillHouseBut(show, blocks.flat());
    const parties = [await party("p1", show, 2, { joinedEarlier: true }), await party("p2", show, 2, { joinedEarlier: true }), await party("p3", show, 2, { joinedEarlier: true })];

    await Promise.all([offerFreedSeats(world.db, show.show.id), offerFreedSeats(world.db, show.show.id), sweepWaitlists(world.db), offerFreedSeats(world.db, show.show.id)]);
    const open = (await offersOf(show.show.id)).filter((o) => o.status === "open");
    expect(open).toHaveLength(2);
    const offered = open.flatMap((o) => o.seatIds);
    expect(new Set(offered).size).toBe(offered.length);
    expect(new Set(open.map((o) => o.entryId)).size).toBe(2);
    // Every offered seat is held by its own offer's holder, and nothing else is held for an offer.
    const holders = await getSeatLocks().holders(show.show.id, blocks.flat());
    for (const o of open) for (const id of o.seatIds) expect(holders.get(id)).toBe(o.holderId);
    expect(await offerEmails(parties[2].email)).toHaveLength(0);

    // The first party declines: its block goes to the third party, never to one already offered.
    const [first] = open.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const owner = (await world.db.query.waitlistEntries.findFirst({ where: (e, { eq }) => eq(e.id, first.entryId) }))!;
    await declineOffer(world.db, first.id, owner.userId);
    const after = (await offersOf(show.show.id)).filter((o) => o.status === "open");
    expect(after).toHaveLength(2);
    expect(after.find((o) => o.id !== open[1].id)!.seatIds.sort()).toEqual(first.seatIds.sort());
    expect(await offerEmails(parties[2].email)).toHaveLength(1);
    // And an offer whose time ran out ends once, even if two sweeps see it.
    const late = new Date(Date.now() + 16 * 60_000);
    const ended = await Promise.all(after.map((o) => endOffer(world.db, o.id, "expired", late)).concat(after.map((o) => endOffer(world.db, o.id, "expired", late))));
    expect(ended.filter(Boolean)).toHaveLength(2);
  });

  it("a party that accepts seats apart is offered them; one that does not, is not", async () => {
    const show = await world.aShow(3);
    const apart = [show.seat("G", 2).id, show.seat("G", 9).id, show.seat("G", 10).id];
    // G2 alone, G9+G10 together: three seats, but not three together.
    await fillHouseBut(show, apart);
    const strict = await party("strict", show, 3, { joinedEarlier: true });
    const relaxed = await party("relaxed", show, 3, { acceptApart: true, joinedEarlier: true });
    await offerFreedSeats(world.db, show.show.id);
    const offers = await offersOf(show.show.id);
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({ together: false });
    expect(offers[0].seatIds.sort()).toEqual(apart.sort());
    expect(await offerEmails(strict.email)).toHaveLength(0);
    expect(await offerEmails(relaxed.email)).toHaveLength(1);
  });
});

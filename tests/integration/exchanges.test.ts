import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, ne } from "drizzle-orm";
import postgres from "postgres";
import { runChecks } from "@/db/invariants";
import { emailOutbox, movies, orderAdjustments, orderSeats, orders, screens, shows, theaters, tickets } from "@/db/schema";
import { cancelSeats } from "@/lib/booking/cancel-seats";
import { holdSeats } from "@/lib/booking/holds";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { refundOrder } from "@/lib/booking/refund-order";
import { startCheckout } from "@/lib/booking/start-checkout";
import { completeSwap } from "@/lib/booking/swap/complete-swap";
import { startSwap } from "@/lib/booking/swap/start-swap";
import { AppError } from "@/lib/errors";
import { getSeatLocks } from "@/lib/seat-locks";
import { bookingWorld } from "../support/booking-fixture";

// Issue 21: a paid booking moved to another show (swap) or cut down (some seats cancelled),
// always inside the one order lifecycle. Real Postgres and Redis when DATABASE_URL / REDIS_URL
// are set (CI), PGlite and the memory store otherwise; Stripe is the fake.

let world: Awaited<ReturnType<typeof bookingWorld>>;
let sql: postgres.Sql | null = null;
beforeAll(async () => {
  world = await bookingWorld();
  if (world.databaseUrl) sql = postgres(world.databaseUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await world?.close();
});

const BASE = "http://localhost:3999";
type Customer = Awaited<ReturnType<typeof world.customer>>;

const orderNow = async (id: string) => (await world.db.select().from(orders).where(eq(orders.id, id)))[0];
const liveTickets = (orderId: string) => world.db.select().from(tickets).where(and(eq(tickets.orderId, orderId), ne(tickets.status, "voided")));
const swapRow = async (id: string) => (await world.db.select().from(orderAdjustments).where(eq(orderAdjustments.id, id)))[0];
const emails = (key: string) => world.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, key));
const refundsOf = (pi: string) => [...world.stripe.refunds.values()].filter((r) => r.payment_intent === pi);

/** Two future shows of one movie on Screen 1, the second priced as given. */
async function twoShows(offset: number, toPrices: Record<string, number>) {
  const from = await world.aShow(offset);
  const to = await world.aShow(offset + 1);
  await world.db.update(shows).set({ prices: { standard: 1000, premium: 1500 } }).where(eq(shows.id, from.show.id));
  await world.db.update(shows).set({ prices: toPrices, movieId: from.show.movieId }).where(eq(shows.id, to.show.id));
  return { from, to };
}

async function buyAs(buyer: Customer, showId: string, seatIds: string[]) {
  await holdSeats(world.db, { showId, seatIds }, buyer.holder);
  const { orderId } = await startCheckout(world.db, showId, buyer, BASE);
  const sessionId = (await orderNow(orderId)).stripeSessionId!;
  world.stripe.complete(sessionId);
  expect(await syncOrderWithSession(world.db, sessionId)).toBe("paid");
  return orderId;
}

async function swapTo(buyer: Customer, orderId: string, toShowId: string, seatIds: string[]) {
  await holdSeats(world.db, { showId: toShowId, seatIds }, buyer.holder);
  return startSwap(world.db, { orderId, userId: buyer.userId!, toShowId, holder: buyer.holder }, BASE);
}

async function expectSwapped(orderId: string, toShowId: string, seatIds: string[], total: number) {
  const order = await orderNow(orderId);
  expect(order).toMatchObject({ status: "paid", showId: toShowId, totalAmount: total });
  const live = await liveTickets(orderId);
  expect(live.map((t) => [t.showId, t.seatId]).sort()).toEqual(seatIds.map((id) => [toShowId, id]).sort());
  const lines = await world.db.select().from(orderSeats).where(eq(orderSeats.orderId, orderId));
  expect(lines.map((l) => l.seatId).sort()).toEqual([...seatIds].sort());
}

async function expectInvariants() {
  if (sql) expect((await runChecks(sql)).violations).toEqual([]);
}

describe("swap a booking to another showtime", () => {
  it("to dearer seats: pays exactly the difference through Checkout; new tickets issued, old voided, one new email, old seats back", async () => {
    const { from, to } = await twoShows(0, { standard: 1400, premium: 2000 });
    const buyer = await world.customer("swap-up");
    const oldSeats = [from.seat("A", 1).id, from.seat("A", 2).id];
    const orderId = await buyAs(buyer, from.show.id, oldSeats);
    const oldTickets = await liveTickets(orderId);
    const newSeats = [to.seat("A", 1).id, to.seat("A", 2).id];

    const started = await swapTo(buyer, orderId, to.show.id, newSeats);
    expect(started.outcome).toBe("pay");
    const swap = await swapRow(started.swapId);
    expect(swap.difference).toBe(800);
    const session = world.stripe.sessions.get(swap.stripeSessionId!)!;
    expect(session.amount_total).toBe(800);
    // Until it is paid, the booking is untouched.
    expect((await orderNow(orderId)).showId).toBe(from.show.id);

    world.stripe.complete(swap.stripeSessionId!);
    expect(await syncOrderWithSession(world.db, swap.stripeSessionId!)).toBe("completed");
    await expectSwapped(orderId, to.show.id, newSeats, 2800);
    const voided = await world.db.select().from(tickets).where(inArray(tickets.id, oldTickets.map((t) => t.id)));
    expect(voided.every((t) => t.status === "voided")).toBe(true);
    expect(await emails(`booking-swapped:${orderId}:${swap.id}`)).toHaveLength(1);
    expect((await getSeatLocks().holders(to.show.id, newSeats)).size).toBe(0);
    // The old seats are on sale again: another customer can hold them.
    const other = await world.customer("after-swap");
    await expect(holdSeats(world.db, { showId: from.show.id, seatIds: oldSeats }, other.holder)).resolves.toMatchObject({ mine: oldSeats });
    await getSeatLocks().release(from.show.id, oldSeats, other.holder);
    // A redelivered event changes nothing.
    expect(await syncOrderWithSession(world.db, swap.stripeSessionId!)).toBe("already_completed");
    expect(await liveTickets(orderId)).toHaveLength(2);
    await expectInvariants();

    // A full refund afterwards returns both payments.
    await refundOrder(world.db, orderId, "admin");
    const original = (await orderNow(orderId)).stripePaymentIntentId!;
    expect(refundsOf(original).reduce((s, r) => s + r.amount, 0)).toBe(2000);
    expect(refundsOf((await swapRow(swap.id)).stripePaymentIntentId!).reduce((s, r) => s + r.amount, 0)).toBe(800);
    await expectInvariants();
  });

  it("to cheaper seats: completes at once and refunds exactly the difference to the original payment", async () => {
    const { from, to } = await twoShows(2, { standard: 700, premium: 900 });
    const buyer = await world.customer("swap-down");
    const orderId = await buyAs(buyer, from.show.id, [from.seat("B", 1).id, from.seat("B", 2).id, from.seat("B", 3).id]);
    const newSeats = [to.seat("B", 4).id, to.seat("B", 5).id, to.seat("B", 6).id];
    const started = await swapTo(buyer, orderId, to.show.id, newSeats);
    expect(started.outcome).toBe("completed");
    await expectSwapped(orderId, to.show.id, newSeats, 2100);
    const pi = (await orderNow(orderId)).stripePaymentIntentId!;
    expect(refundsOf(pi).map((r) => r.amount)).toEqual([900]);
    expect((await swapRow(started.swapId)).stripeRefundId).toBeTruthy();
    await expectInvariants();
  });

  it("at the same price: completes at once, no money moves", async () => {
    const { from, to } = await twoShows(4, { standard: 1000, premium: 1500 });
    const buyer = await world.customer("swap-same");
    const orderId = await buyAs(buyer, from.show.id, [from.seat("C", 5).id, from.seat("C", 6).id]);
    const requestsBefore = world.stripe.requests.length;
    const started = await swapTo(buyer, orderId, to.show.id, [to.seat("C", 5).id, to.seat("C", 6).id]);
    expect(started.outcome).toBe("completed");
    await expectSwapped(orderId, to.show.id, [to.seat("C", 5).id, to.seat("C", 6).id], 2000);
    expect(world.stripe.requests.slice(requestsBefore).filter((r) => r.method === "POST")).toEqual([]);
    await expectInvariants();
  });

  it("whose difference is never paid (session expires): the booking is untouched and the new seats are released", async () => {
    const { from, to } = await twoShows(0, { standard: 1400, premium: 2000 });
    const buyer = await world.customer("swap-fail");
    const oldSeats = [from.seat("D", 1).id, from.seat("D", 2).id];
    const orderId = await buyAs(buyer, from.show.id, oldSeats);
    const before = await liveTickets(orderId);
    const newSeats = [to.seat("D", 1).id, to.seat("D", 2).id];
    const started = await swapTo(buyer, orderId, to.show.id, newSeats);
    const swap = await swapRow(started.swapId);
    world.stripe.expire(swap.stripeSessionId!);
    expect(await syncOrderWithSession(world.db, swap.stripeSessionId!)).toBe("expired");
    expect(await orderNow(orderId)).toMatchObject({ status: "paid", showId: from.show.id, totalAmount: 2000 });
    expect((await liveTickets(orderId)).map((t) => t.id).sort()).toEqual(before.map((t) => t.id).sort());
    expect((await getSeatLocks().holders(to.show.id, newSeats)).size).toBe(0);
    expect((await swapRow(swap.id)).status).toBe("expired");
    await expectInvariants();
  });

  it("whose difference payment fails (a delayed method declined): the booking is untouched and the new seats are released", async () => {
    const { from, to } = await twoShows(4, { standard: 1400, premium: 2000 });
    const buyer = await world.customer("swap-declined");
    const orderId = await buyAs(buyer, from.show.id, [from.seat("D", 9).id, from.seat("D", 10).id]);
    const newSeats = [to.seat("D", 9).id, to.seat("D", 10).id];
    const swap = await swapRow((await swapTo(buyer, orderId, to.show.id, newSeats)).swapId);
    world.stripe.complete(swap.stripeSessionId!, { paymentStatus: "unpaid" });
    expect(await syncOrderWithSession(world.db, swap.stripeSessionId!, "checkout.session.completed")).toBe("awaiting_payment");
    world.stripe.settle(swap.stripeSessionId!, false);
    expect(await syncOrderWithSession(world.db, swap.stripeSessionId!, "checkout.session.async_payment_failed")).toBe("cancelled");
    expect(await orderNow(orderId)).toMatchObject({ status: "paid", showId: from.show.id, totalAmount: 2000 });
    expect(await liveTickets(orderId)).toHaveLength(2);
    expect((await getSeatLocks().holders(to.show.id, newSeats)).size).toBe(0);
    expect((await swapRow(swap.id)).status).toBe("cancelled");
    await expectInvariants();
  });

  it("racing another customer for the new seats: exactly one gets them, and the loser's booking is intact with its difference refunded", async () => {
    const { from, to } = await twoShows(2, { standard: 1400, premium: 2000 });
    const swapper = await world.customer("swap-race");
    const orderId = await buyAs(swapper, from.show.id, [from.seat("E", 1).id, from.seat("E", 2).id]);
    const newSeats = [to.seat("E", 7).id, to.seat("E", 8).id];
    const started = await swapTo(swapper, orderId, to.show.id, newSeats);
    const swap = await swapRow(started.swapId);
    // The swapper's locks run out while paying (Stripe can be paid late); a rival buys the seats.
    await getSeatLocks().release(to.show.id, newSeats, swapper.holder);
    const rival = await world.customer("rival");
    await holdSeats(world.db, { showId: to.show.id, seatIds: newSeats }, rival.holder);
    const rivalOrder = await startCheckout(world.db, to.show.id, rival, BASE);
    const rivalSession = (await orderNow(rivalOrder.orderId)).stripeSessionId!;
    world.stripe.complete(rivalSession);
    world.stripe.complete(swap.stripeSessionId!);
    const [a, b] = await Promise.all([syncOrderWithSession(world.db, rivalSession), syncOrderWithSession(world.db, swap.stripeSessionId!)]);
    const outcomes = [a, b].sort();
    // Exactly one of them holds the seats.
    expect(outcomes.filter((o) => o === "paid" || o === "completed")).toHaveLength(1);
    const liveOnNew = await world.db.select().from(tickets).where(and(eq(tickets.showId, to.show.id), inArray(tickets.seatId, newSeats), ne(tickets.status, "voided")));
    expect(liveOnNew).toHaveLength(2);
    expect(new Set(liveOnNew.map((t) => t.orderId)).size).toBe(1);
    if (b === "seat_conflict") {
      expect(await orderNow(orderId)).toMatchObject({ status: "paid", showId: from.show.id, totalAmount: 2000 });
      expect(await liveTickets(orderId)).toHaveLength(2);
      const failed = await swapRow(swap.id);
      expect(refundsOf(failed.stripePaymentIntentId!).map((r) => r.amount)).toEqual([800]);
    } else {
      expect((await orderNow(rivalOrder.orderId)).status).toBe("refunded");
    }
    await expectInvariants();
  });

  it("the same swap completed twice at once (webhook and success page, a double click): one result, one set of tickets", async () => {
    const { from, to } = await twoShows(4, { standard: 1400, premium: 2000 });
    const buyer = await world.customer("swap-twice");
    const orderId = await buyAs(buyer, from.show.id, [from.seat("F", 3).id, from.seat("F", 4).id]);
    const newSeats = [to.seat("F", 3).id, to.seat("F", 4).id];
    const started = await swapTo(buyer, orderId, to.show.id, newSeats);
    const swap = await swapRow(started.swapId);
    world.stripe.complete(swap.stripeSessionId!);
    const pi = world.stripe.sessions.get(swap.stripeSessionId!)!.payment_intent as string;
    const results = await Promise.all([
      syncOrderWithSession(world.db, swap.stripeSessionId!),
      syncOrderWithSession(world.db, swap.stripeSessionId!),
      completeSwap(world.db, swap.id, pi),
    ]);
    expect(results.filter((r) => r === "completed")).toHaveLength(1);
    expect(results.filter((r) => r === "already_completed")).toHaveLength(2);
    await expectSwapped(orderId, to.show.id, newSeats, 2800);
    expect(await world.db.select().from(tickets).where(eq(tickets.orderId, orderId))).toHaveLength(4);
    expect(await emails(`booking-swapped:${orderId}:${swap.id}`)).toHaveLength(1);
    await expectInvariants();
  });

  it("a double click on a cheaper swap ends in one swap", async () => {
    const { from, to } = await twoShows(0, { standard: 800, premium: 1000 });
    const buyer = await world.customer("swap-double");
    const orderId = await buyAs(buyer, from.show.id, [from.seat("G", 1).id, from.seat("G", 2).id]);
    await holdSeats(world.db, { showId: to.show.id, seatIds: [to.seat("G", 1).id, to.seat("G", 2).id] }, buyer.holder);
    const input = { orderId, userId: buyer.userId!, toShowId: to.show.id, holder: buyer.holder };
    const results = await Promise.allSettled([startSwap(world.db, input, BASE), startSwap(world.db, input, BASE)]);
    expect(results.filter((r) => r.status === "fulfilled" && r.value.outcome === "completed")).toHaveLength(1);
    const swaps = await world.db.select().from(orderAdjustments).where(eq(orderAdjustments.orderId, orderId));
    expect(swaps.filter((s) => s.status === "completed")).toHaveLength(1);
    expect(refundsOf((await orderNow(orderId)).stripePaymentIntentId!).map((r) => r.amount)).toEqual([400]);
    await expectInvariants();
  });

  it("is refused for another movie, a different number of seats, someone else's booking, or after the cut-off", async () => {
    const { from, to } = await twoShows(2, { standard: 1000, premium: 1500 });
    const buyer = await world.customer("swap-refused");
    const orderId = await buyAs(buyer, from.show.id, [from.seat("H", 1).id, from.seat("H", 2).id]);
    await holdSeats(world.db, { showId: to.show.id, seatIds: [to.seat("H", 1).id] }, buyer.holder);
    const input = { orderId, userId: buyer.userId!, toShowId: to.show.id, holder: buyer.holder };
    await expect(startSwap(world.db, input, BASE)).rejects.toMatchObject({ code: "bad_input", message: expect.stringContaining("Choose 2 seats") });
    const stranger = await world.customer("stranger");
    await expect(startSwap(world.db, { ...input, userId: stranger.userId! }, BASE)).rejects.toMatchObject({ code: "not_found" });
    const late = new Date(from.show.startsAt.getTime() - 30 * 60_000);
    await expect(startSwap(world.db, input, BASE, late)).rejects.toMatchObject({ code: "conflict" });
    const [otherMovie] = await world.db.select().from(movies).where(ne(movies.id, from.show.movieId)).limit(1);
    await world.db.update(shows).set({ movieId: otherMovie.id }).where(eq(shows.id, to.show.id));
    await holdSeats(world.db, { showId: to.show.id, seatIds: [to.seat("H", 2).id] }, buyer.holder);
    await expect(startSwap(world.db, input, BASE)).rejects.toMatchObject({ code: "bad_input", message: expect.stringContaining("same movie") });
    await world.db.update(shows).set({ movieId: from.show.movieId }).where(eq(shows.id, to.show.id));
    // The same movie at another cinema of the chain (issue 19): a booking stays at its cinema.
    const [elsewhere] = await world.db.insert(theaters).values({ slug: `elsewhere-${Date.now()}`, name: "Marquee Elsewhere", timeZone: "America/Los_Angeles" }).returning();
    const [far] = await world.db.insert(screens).values({ theaterId: elsewhere.id, name: "Far", gridWidth: 10, gridHeight: 10 }).returning();
    await world.db.update(shows).set({ screenId: far.id }).where(eq(shows.id, to.show.id));
    await expect(startSwap(world.db, input, BASE)).rejects.toMatchObject({ code: "bad_input", message: expect.stringContaining("same cinema") });
    await world.db.update(shows).set({ screenId: to.show.screenId }).where(eq(shows.id, to.show.id));
    expect(await orderNow(orderId)).toMatchObject({ status: "paid", showId: from.show.id });
    await getSeatLocks().release(to.show.id, [to.seat("H", 1).id, to.seat("H", 2).id], buyer.holder);
  });
});

describe("cancel some seats of a booking", () => {
  it("refunds exactly those lines; the other tickets keep their codes; a repeat changes nothing; the last seat cancels the booking", async () => {
    const { from } = await twoShows(4, { standard: 1000, premium: 1500 });
    const buyer = await world.customer("partial");
    const seatIds = [from.seat("J", 1).id, from.seat("J", 2).id, from.seat("J", 3).id];
    const orderId = await buyAs(buyer, from.show.id, seatIds);
    const kept = (await liveTickets(orderId)).filter((t) => t.seatId === seatIds[0]);

    const first = await cancelSeats(world.db, { orderId, seatIds: [seatIds[1], seatIds[2]] });
    expect(first).toMatchObject({ result: "cancelled", refunded: 2000 });
    const pi = (await orderNow(orderId)).stripePaymentIntentId!;
    expect(refundsOf(pi).map((r) => r.amount)).toEqual([2000]);
    expect(await orderNow(orderId)).toMatchObject({ status: "paid", totalAmount: 1000 });
    expect((await liveTickets(orderId)).map((t) => t.id)).toEqual(kept.map((t) => t.id));
    expect(await emails(`seats-cancelled:${orderId}:${(first as { adjustmentId: string }).adjustmentId}`)).toHaveLength(1);
    expect(await cancelSeats(world.db, { orderId, seatIds: [seatIds[1], seatIds[2]] })).toEqual({ result: "already_cancelled" });
    expect(refundsOf(pi)).toHaveLength(1);
    await expectInvariants();

    await expect(cancelSeats(world.db, { orderId, seatIds: [from.seat("I", 9).id] })).rejects.toBeInstanceOf(AppError);
    expect(await cancelSeats(world.db, { orderId, seatIds: [seatIds[0]] })).toEqual({ result: "refunded" });
    expect(refundsOf(pi).map((r) => r.amount)).toEqual([2000, 1000]);
    expect((await orderNow(orderId)).status).toBe("refunded");
    await expectInvariants();
  });

  it("two cancellations of the same seats at once refund once", async () => {
    const { from } = await twoShows(0, { standard: 1000, premium: 1500 });
    const buyer = await world.customer("partial-race");
    const seatIds = [from.seat("I", 1).id, from.seat("I", 2).id, from.seat("I", 3).id, from.seat("I", 4).id];
    const orderId = await buyAs(buyer, from.show.id, seatIds);
    const results = await Promise.all([cancelSeats(world.db, { orderId, seatIds: seatIds.slice(2) }), cancelSeats(world.db, { orderId, seatIds: seatIds.slice(2) })]);
    expect(results.map((r) => r.result).sort()).toEqual(["already_cancelled", "cancelled"]);
    expect(refundsOf((await orderNow(orderId)).stripePaymentIntentId!).map((r) => r.amount)).toEqual([2000]);
    await expectInvariants();
  });
});

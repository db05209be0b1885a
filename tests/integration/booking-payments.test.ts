import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import { emailOutbox, orders, shows, stripeEvents, tickets } from "@/db/schema";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { refundOrder } from "@/lib/booking/refund-order";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";
import { processPaymentEvent, receiveStripeEvent } from "@/lib/booking/payment-events";
import { getSeatLocks } from "@/lib/seat-locks";
import { AppError } from "@/lib/errors";
import { runWithRequestId } from "@/lib/request-context";
import { bookingWorld, WEBHOOK_SECRET } from "../support/booking-fixture";
import { signStripeEvent, stripeEvent } from "../support/stripe-fake";

let world: Awaited<ReturnType<typeof bookingWorld>>;
beforeAll(async () => {
  world = await bookingWorld();
});
afterAll(async () => {
  await world?.close();
});

const BASE = "http://localhost:3999";

async function deliver(type: string, sessionId: string, opts: { payload?: string; signature?: string; timestamp?: number } = {}) {
  const payload = opts.payload ?? JSON.stringify(stripeEvent(type, world.stripe.sessionObject(sessionId)));
  const signature = opts.signature ?? signStripeEvent(payload, WEBHOOK_SECRET, { timestamp: opts.timestamp });
  const received = await receiveStripeEvent(world.db, payload, signature);
  const outcome = received.event ? await processPaymentEvent(world.db, received.event) : null;
  return { ...received, outcome, payload };
}

async function checkout(seatIds: string[], who?: Awaited<ReturnType<typeof world.customer>>, show?: { id: string }) {
  const customer = who ?? (await world.customer("buyer"));
  const showId = show?.id ?? (await world.aShow()).show.id;
  await holdSeats(world.db, { showId, seatIds }, customer.holder);
  const { orderId } = await startCheckout(world.db, showId, customer, BASE);
  const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
  return { customer, order, sessionId: order.stripeSessionId! };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

const liveTickets = (orderId: string) => world.db.select().from(tickets).where(and(eq(tickets.orderId, orderId), ne(tickets.status, "voided")));
const outboxRows = (key: string) => world.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, key));
const orderNow = async (id: string) => (await world.db.select().from(orders).where(eq(orders.id, id)))[0];

describe(`payments and fulfilment (${process.env.DATABASE_URL ? "postgres" : "pglite"}, ${process.env.REDIS_URL ? "redis" : "memory"} locks)`, () => {
  it("prices come from the database and the Checkout Session says what is bought", async () => {
    const { seat, show } = await world.aShow();
    const { order, sessionId } = await checkout([seat("E", 5).id, seat("E", 6).id], undefined, show);
    expect(order.status).toBe("pending");
    expect(order.totalAmount).toBe(2 * show.prices.standard);
    const session = world.stripe.sessions.get(sessionId)!;
    expect(session.metadata.orderId).toBe(order.id);
    expect(session.client_reference_id).toBe(order.id);
    expect(session.amount_total).toBe(order.totalAmount);
    const created = world.stripe.requests.find((r) => r.method === "POST" && r.path === "/v1/checkout/sessions" && !r.replayed)!;
    expect(created.idempotencyKey).toBe(`checkout:${order.id}`);
    const names = JSON.stringify(created.body.line_items);
    expect(names).toContain("Row E, seat 5");
    // Stripe's minimum session life, with the locks stretched past it.
    expect(session.expires_at - Math.floor(Date.now() / 1000)).toBeGreaterThanOrEqual(30 * 60 - 5);
    const expiry = await getSeatLocks().expiry(show.id, [seat("E", 5).id], order.holderId);
    expect(expiry! - Date.now()).toBeGreaterThan(30 * 60_000);
  });

  it("one completed event delivered five times at once, plus the success page, gives one paid order, one set of tickets, one email", async () => {
    const { seat, show } = await world.aShow();
    const { order, sessionId } = await checkout([seat("F", 3).id, seat("F", 4).id], undefined, show);
    world.stripe.complete(sessionId);
    const payload = JSON.stringify(stripeEvent("checkout.session.completed", world.stripe.sessionObject(sessionId)));
    const [deliveries] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, () => deliver("checkout.session.completed", sessionId, { payload }))),
      syncOrderWithSession(world.db, sessionId),
    ]);
    expect(deliveries.every((r) => r.status === 200)).toBe(true);
    expect(deliveries.filter((r) => r.event).length).toBe(1);
    expect((await orderNow(order.id)).status).toBe("paid");
    expect(await liveTickets(order.id)).toHaveLength(2);
    expect(await outboxRows(`booking-confirmed:${order.id}`)).toHaveLength(1);
    // Sold seats leave Redis: the snapshot says sold from Postgres.
    const snap = await seatSnapshot(world.db, show.id, null);
    expect(snap.states[seat("F", 3).id]).toBe("sold");
    expect((await getSeatLocks().holders(show.id, [seat("F", 3).id])).size).toBe(0);
  });

  it("an expired event arriving before the completed one ends paid when Stripe says paid", async () => {
    const { seat, show } = await world.aShow();
    const { order, sessionId } = await checkout([seat("G", 3).id], undefined, show);
    world.stripe.complete(sessionId);
    const stale = JSON.stringify(stripeEvent("checkout.session.expired", { ...world.stripe.sessionObject(sessionId), status: "expired" }));
    expect((await deliver("checkout.session.expired", sessionId, { payload: stale })).outcome).toBe("paid");
    await deliver("checkout.session.completed", sessionId);
    expect((await orderNow(order.id)).status).toBe("paid");
    expect(await liveTickets(order.id)).toHaveLength(1);
  });

  it("a session Stripe expired stays expired when a stale completed event turns up, and frees its seats", async () => {
    const { seat, show } = await world.aShow();
    const { order, sessionId } = await checkout([seat("G", 7).id], undefined, show);
    world.stripe.expire(sessionId);
    await deliver("checkout.session.expired", sessionId);
    const stale = JSON.stringify(stripeEvent("checkout.session.completed", { ...world.stripe.sessionObject(sessionId), status: "complete", payment_status: "paid" }));
    await deliver("checkout.session.completed", sessionId, { payload: stale });
    expect((await orderNow(order.id)).status).toBe("expired");
    expect(await liveTickets(order.id)).toHaveLength(0);
    expect((await getSeatLocks().holders(show.id, [seat("G", 7).id])).size).toBe(0);
  });

  it("a delayed payment that fails after checkout completed cancels the order; one that succeeds pays it", async () => {
    const { seat, show } = await world.aShow();
    const failing = await checkout([seat("H", 4).id], undefined, show);
    world.stripe.complete(failing.sessionId, { paymentStatus: "unpaid" });
    expect((await deliver("checkout.session.completed", failing.sessionId)).outcome).toBe("awaiting_payment");
    expect((await orderNow(failing.order.id)).status).toBe("pending");
    world.stripe.settle(failing.sessionId, false);
    expect((await deliver("checkout.session.async_payment_failed", failing.sessionId)).outcome).toBe("cancelled");
    expect((await orderNow(failing.order.id)).status).toBe("cancelled");
    expect(await liveTickets(failing.order.id)).toHaveLength(0);

    const paying = await checkout([seat("H", 9).id], undefined, show);
    world.stripe.complete(paying.sessionId, { paymentStatus: "unpaid" });
    await deliver("checkout.session.completed", paying.sessionId);
    world.stripe.settle(paying.sessionId, true);
    expect((await deliver("checkout.session.async_payment_succeeded", paying.sessionId)).outcome).toBe("paid");
    // A failure notice arriving late cannot undo what Stripe reports as paid.
    expect((await deliver("checkout.session.async_payment_failed", paying.sessionId)).outcome).toBe("already_paid");
    expect((await orderNow(paying.order.id)).status).toBe("paid");
  });

  it("unsigned, tampered and six-minute-old events are refused with 400 and change nothing", async () => {
    const { seat, show } = await world.aShow();
    const { order, sessionId } = await checkout([seat("I", 4).id], undefined, show);
    world.stripe.complete(sessionId);
    const payload = JSON.stringify(stripeEvent("checkout.session.completed", world.stripe.sessionObject(sessionId)));
    const before = (await world.db.select().from(stripeEvents)).length;

    expect((await receiveStripeEvent(world.db, payload, null)).status).toBe(400);
    const tampered = payload.replace(`"amount_total":${order.totalAmount}`, `"amount_total":1`);
    expect(tampered).not.toBe(payload);
    expect((await receiveStripeEvent(world.db, tampered, signStripeEvent(payload, WEBHOOK_SECRET))).status).toBe(400);
    expect((await receiveStripeEvent(world.db, payload, signStripeEvent(payload, "whsec_someone_else"))).status).toBe(400);
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await receiveStripeEvent(world.db, payload, signStripeEvent(payload, WEBHOOK_SECRET, { timestamp: old }))).status).toBe(400);

    expect((await world.db.select().from(stripeEvents)).length).toBe(before);
    expect((await orderNow(order.id)).status).toBe("pending");
    expect(await liveTickets(order.id)).toHaveLength(0);
  });

  it("a hold that ran out during payment, with the seat bought by someone else, is refunded exactly once and gets no ticket", async () => {
    const { seat, show } = await world.aShow();
    const target = seat("J", 6).id;
    const late = await checkout([target], undefined, show);
    // Late's lock runs out while they sit on the payment page (TTL expiry = the key is gone).
    await getSeatLocks().release(show.id, [target], late.order.holderId);
    const early = await checkout([target], undefined, show);
    world.stripe.complete(early.sessionId);
    await deliver("checkout.session.completed", early.sessionId);
    expect((await orderNow(early.order.id)).status).toBe("paid");

    world.stripe.complete(late.sessionId);
    const outcomes = await Promise.all([
      deliver("checkout.session.completed", late.sessionId),
      deliver("checkout.session.completed", late.sessionId),
      syncOrderWithSession(world.db, late.sessionId),
    ]);
    expect(outcomes.map((o) => (typeof o === "string" ? o : o.outcome))).toContain("seat_conflict");
    const after = await orderNow(late.order.id);
    expect(after.status).toBe("refunded");
    expect(after.refundReason).toBe("seat_conflict");
    const pi = world.stripe.sessions.get(late.sessionId)!.payment_intent as string;
    expect([...world.stripe.refunds.values()].filter((r) => r.payment_intent === pi)).toHaveLength(1);
    expect(await liveTickets(late.order.id)).toHaveLength(0);
    expect(await liveTickets(early.order.id)).toHaveLength(1);
    const emails = await outboxRows(`booking-refunded:${late.order.id}`);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain("full refund");
  });

  it("refuses bad seat requests and changes nothing", async () => {
    const { seat, show, seats } = await world.aShow();
    const other = await world.aShow(1);
    const alice = await world.customer("alice");
    const bob = await world.customer("bob");
    // A seat of another screen, and an id that is no seat at all.
    const { seats: bigScreenSeats } = await (async () => {
      const rows = await world.db.query.seats.findMany({ limit: 500 });
      return { seats: rows.filter((s) => s.screenId !== show.screenId) };
    })();
    expect((await failure(holdSeats(world.db, { showId: show.id, seatIds: [bigScreenSeats[0].id] }, alice.holder))).code).toBe("bad_input");
    expect((await failure(holdSeats(world.db, { showId: show.id, seatIds: [crypto.randomUUID()] }, alice.holder))).code).toBe("bad_input");
    expect((await failure(holdSeats(world.db, { showId: crypto.randomUUID(), seatIds: [seat("A", 5).id] }, alice.holder))).code).toBe("not_found");
    // More than the per-order limit.
    const eleven = seats.filter((s) => s.rowLabel === "C").slice(0, 11).map((s) => s.id);
    expect((await failure(holdSeats(world.db, { showId: show.id, seatIds: eleven }, alice.holder))).message).toContain("up to 10 seats");
    // Someone else's hold.
    await holdSeats(world.db, { showId: other.show.id, seatIds: [other.seat("B", 4).id] }, bob.holder);
    const taken = await failure(holdSeats(world.db, { showId: other.show.id, seatIds: [other.seat("B", 4).id, other.seat("B", 5).id] }, alice.holder));
    expect(taken.code).toBe("conflict");
    expect(taken.details?.taken).toEqual([other.seat("B", 4).id]);
    // All or nothing: B5 was not taken by the refused request.
    expect((await getSeatLocks().holders(other.show.id, [other.seat("B", 5).id])).size).toBe(0);
    expect((await seatSnapshot(world.db, show.id, alice.holder)).holdExpiresAt).toBeNull();
  });

  it("refuses a sold seat, a cancelled show and a started show by name, holding nothing", async () => {
    const { seat, show } = await world.aShow();
    const alice = await world.customer("alice-sold");
    await world.buy(show.id, [seat("D", 3).id]);
    const sold = await failure(holdSeats(world.db, { showId: show.id, seatIds: [seat("D", 3).id, seat("D", 4).id] }, alice.holder));
    expect(sold.code).toBe("conflict");
    expect(sold.message).toBe("Sorry, Row D, seat 3 is already sold.");
    expect(sold.details?.taken).toEqual([seat("D", 3).id]);
    expect(await getSeatLocks().heldBy(show.id, alice.holder)).toEqual([]);

    const later = await world.aShow(2);
    await world.db.update(shows).set({ status: "cancelled" }).where(eq(shows.id, later.show.id));
    const cancelled = await failure(holdSeats(world.db, { showId: later.show.id, seatIds: [later.seat("A", 1).id] }, alice.holder));
    expect([cancelled.code, cancelled.message]).toEqual(["conflict", "This show has been cancelled."]);
    const started = await failure(holdSeats(world.db, { showId: show.id, seatIds: [seat("A", 1).id] }, alice.holder, new Date(show.startsAt.getTime() + 60_000)));
    expect([started.code, started.message]).toEqual(["gone", "This show has already started."]);
    expect(await getSeatLocks().heldBy(later.show.id, alice.holder)).toEqual([]);
    expect(await getSeatLocks().heldBy(show.id, alice.holder)).toEqual([]);
  });

  it("refuses a checkout with no seats held, opening no order", async () => {
    const { show } = await world.aShow();
    const idle = await world.customer("idle");
    const before = (await world.db.select().from(orders)).length;
    expect((await failure(startCheckout(world.db, show.id, idle, BASE))).code).toBe("gone");
    expect((await world.db.select().from(orders)).length).toBe(before);
  });

  it("sends the request's id to Stripe with every call it makes", async () => {
    const { seat, show } = await world.aShow();
    const customer = await world.customer("traced");
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("C", 1).id, seat("C", 2).id] }, customer.holder);
    const before = world.stripe.requests.length;
    const { orderId } = await runWithRequestId("req-stripe-trace-0001", () => startCheckout(world.db, show.id, customer, BASE));
    const sessionId = (await orderNow(orderId)).stripeSessionId!;
    world.stripe.complete(sessionId);
    await runWithRequestId("req-stripe-trace-0002", () => syncOrderWithSession(world.db, sessionId));
    expect(await runWithRequestId("req-stripe-trace-0003", () => refundOrder(world.db, orderId, "admin"))).toBe("refunded");
    const made = world.stripe.requests.slice(before).map((r) => [r.method, r.path.replace(/\/(cs|re)_\w+/, "/:id"), r.requestId]);
    expect(made).toEqual([
      ["POST", "/v1/checkout/sessions", "req-stripe-trace-0001"],
      ["GET", "/v1/checkout/sessions/:id", "req-stripe-trace-0002"],
      ["POST", "/v1/refunds", "req-stripe-trace-0003"],
    ]);
  });

  it("refunding twice at once refunds the money once", async () => {
    const { seat, show } = await world.aShow();
    const { order, sessionId } = await checkout([seat("D", 9).id], undefined, show);
    world.stripe.complete(sessionId);
    await deliver("checkout.session.completed", sessionId);
    const results = await Promise.all([refundOrder(world.db, order.id, "admin"), refundOrder(world.db, order.id, "admin")]);
    expect(results.sort()).toEqual(["already_refunded", "refunded"]);
    const pi = world.stripe.sessions.get(sessionId)!.payment_intent as string;
    expect([...world.stripe.refunds.values()].filter((r) => r.payment_intent === pi)).toHaveLength(1);
    expect(await liveTickets(order.id)).toHaveLength(0);
    // The seat is on sale again.
    const again = await checkout([seat("D", 9).id], undefined, show);
    expect(again.order.status).toBe("pending");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import postgres from "postgres";
import { runChecks } from "@/db/invariants";
import { emailOutbox, localCheckoutSessions, orders, seats, stripeEvents, tickets } from "@/db/schema";
import { cancelShow } from "@/lib/booking/cancel-show";
import { holdSeats } from "@/lib/booking/holds";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { afterOrderPaid } from "@/lib/booking/notify";
import { orderDetail } from "@/db/queries/orders";
import { processPaymentEvent, receiveStripeEvent } from "@/lib/booking/payment-events";
import { refundOrder } from "@/lib/booking/refund-order";
import { startCheckout } from "@/lib/booking/start-checkout";
import { ticketPdfData } from "@/lib/booking/ticket-bundle";
import { AppError } from "@/lib/errors";
import { setPaymentsForTests } from "@/lib/payments";
import { localGateway, settleLocalSession } from "@/lib/payments/local-gateway";
import { bookingWorld, WEBHOOK_SECRET } from "../support/booking-fixture";
import { signStripeEvent, stripeEvent } from "../support/stripe-fake";

// Issue 16's sequences, each as it was found: interleavings that are legal for customers, admins
// and the payment provider, after which no payment may be kept without a ticket, charged twice,
// or fail loudly. They run on Postgres and Redis in CI; the races are between concurrent calls on
// the database's connection pool, which is what two app instances share.

let world: Awaited<ReturnType<typeof bookingWorld>>;
beforeAll(async () => {
  world = await bookingWorld();
});
afterAll(async () => {
  await world?.close();
});

const BASE = "http://localhost:3999";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function deliverCompleted(sessionId: string) {
  const payload = JSON.stringify(stripeEvent("checkout.session.completed", world.stripe.sessionObject(sessionId)));
  const received = await receiveStripeEvent(world.db, payload, signStripeEvent(payload, WEBHOOK_SECRET));
  return received.event ? processPaymentEvent(world.db, received.event) : "duplicate";
}

const orderNow = async (id: string) => (await world.db.select().from(orders).where(eq(orders.id, id)))[0];
const liveTickets = (orderId: string) => world.db.select().from(tickets).where(and(eq(tickets.orderId, orderId), ne(tickets.status, "voided")));
const emails = (key: string) => world.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, key));
const refundsOf = (paymentIntentId: string) => [...world.stripe.refunds.values()].filter((r) => r.payment_intent === paymentIntentId);

async function settled<T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Every payment the provider took for these orders was refunded exactly once, with the order's reason and one email. */
async function expectRefundedOnce(orderIds: string[], reason: string) {
  for (const id of orderIds) {
    const order = await orderNow(id);
    expect(order.status, `order ${id}`).toBe("refunded");
    expect(order.refundReason).toBe(reason);
    expect(refundsOf(order.stripePaymentIntentId!)).toHaveLength(1);
    expect(await liveTickets(id)).toHaveLength(0);
    expect(await emails(`booking-refunded:${id}`)).toHaveLength(1);
  }
}

describe("order lifecycle under races (issue 16)", () => {
  it("1. a show cancelled while customers check out never ends paid; each payment is refunded once, as show_cancelled, with its email", async () => {
    const { show, seat } = await world.aShow(6);
    const admin = await world.admin(`cancel-race-${crypto.randomUUID().slice(0, 6)}@example.com`);
    const before = new Set(world.stripe.sessions.keys());
    const customers = await Promise.all(Array.from({ length: 6 }, (_, i) => world.customer(`race${i}`)));
    for (const [i, c] of customers.entries()) await holdSeats(world.db, { showId: show.id, seatIds: [seat("D", 2 * i + 1).id, seat("D", 2 * i + 2).id] }, c.holder);

    // Two customers paid just before the cancellation; their webhooks have not arrived yet.
    const early = await Promise.all(customers.slice(0, 2).map((c) => startCheckout(world.db, show.id, c, BASE)));
    for (const { orderId } of early) world.stripe.complete((await orderNow(orderId)).stripeSessionId!);

    // The others press Continue while the provider is slow to open their sessions, and the
    // cancellation runs in the middle of their checkouts.
    world.stripe.slowDown({ method: "POST", path: /^\/v1\/checkout\/sessions$/, ms: 400 });
    const late = customers.slice(2).map((c) => settled(startCheckout(world.db, show.id, c, BASE)));
    await sleep(150);
    await cancelShow(admin, { showId: show.id });
    const lateResults = await Promise.all(late);
    world.stripe.slowDown(null);

    // Whoever still has an open payment page pays; every payment then reaches us by webhook and
    // by the success page.
    const newSessions = [...world.stripe.sessions.keys()].filter((id) => !before.has(id));
    for (const id of newSessions) if (world.stripe.sessions.get(id)!.status === "open") world.stripe.complete(id);
    for (const id of newSessions) {
      await deliverCompleted(id);
      await syncOrderWithSession(world.db, id);
    }

    const showOrders = await world.db.select().from(orders).where(eq(orders.showId, show.id));
    expect(showOrders.filter((o) => o.status === "paid" || o.status === "pending")).toEqual([]);
    const paidAtProvider = showOrders.filter((o) => o.stripeSessionId && world.stripe.sessions.get(o.stripeSessionId)?.payment_status === "paid");
    expect(paidAtProvider.length).toBeGreaterThanOrEqual(2);
    await expectRefundedOnce(
      paidAtProvider.map((o) => o.id),
      "show_cancelled",
    );
    // A session opened for a checkout the cancellation stopped was never payable: nothing kept.
    const orderSessions = new Set(showOrders.map((o) => o.stripeSessionId));
    for (const id of newSessions.filter((s) => !orderSessions.has(s))) expect(world.stripe.sessions.get(id)!.payment_status).toBe("unpaid");
    for (const r of lateResults) if (!r.ok) expect((r.error as AppError).message).toMatch(/cancelled/);
  });

  it("1b. a payment for seats removed from the screen during checkout is refunded once, as seat_removed, with its email", async () => {
    const { show, seat } = await world.aShow(7);
    const buyer = await world.customer("removed");
    const removed = seat("B", 1);
    await holdSeats(world.db, { showId: show.id, seatIds: [removed.id, seat("B", 2).id] }, buyer.holder);
    const { orderId } = await startCheckout(world.db, show.id, buyer, BASE);
    // The layout editor retires the seat (as saving a layout without it does) while the customer pays.
    await world.db.update(seats).set({ active: false }).where(eq(seats.id, removed.id));
    try {
      const sessionId = (await orderNow(orderId)).stripeSessionId!;
      world.stripe.complete(sessionId);
      expect(await deliverCompleted(sessionId)).toBe("seat_removed");
      await syncOrderWithSession(world.db, sessionId);
      await expectRefundedOnce([orderId], "seat_removed");
    } finally {
      await world.db.update(seats).set({ active: true }).where(eq(seats.id, removed.id));
    }
  });

  it("2. a refund landing during fulfilment: webhook, success page and emails handle every state; no confirmation once not paid, a refund email always", async () => {
    const { show, seat } = await world.aShow(7);
    const rounds = 12;
    const outcomes: string[] = [];
    for (let i = 0; i < rounds; i++) {
      const buyer = await world.customer(`refund-race${i}`);
      // The same pair each round: a refund puts it back on sale.
      await holdSeats(world.db, { showId: show.id, seatIds: [seat("H", 1).id, seat("H", 2).id] }, buyer.holder);
      const { orderId } = await startCheckout(world.db, show.id, buyer, BASE);
      const sessionId = (await orderNow(orderId)).stripeSessionId!;
      world.stripe.complete(sessionId);
      // The box office refunds the moment the order turns paid, while fulfilment is still finishing.
      const refundWhenPaid = async () => {
        for (const until = Date.now() + 30_000; Date.now() < until; ) {
          if ((await orderNow(orderId)).status === "paid") return refundOrder(world.db, orderId, "admin");
          await new Promise((r) => setImmediate(r));
        }
        throw new Error("order never turned paid");
      };
      const [webhook, successPage] = await Promise.all([settled(deliverCompleted(sessionId)), settled(syncOrderWithSession(world.db, sessionId)), refundWhenPaid()]);
      expect(webhook.ok && webhook.value).not.toBe("failed");
      expect(webhook.ok).toBe(true);
      expect(successPage.ok).toBe(true);
      outcomes.push(String(webhook.ok && webhook.value));

      // Everything that renders the order renders it refunded.
      const detail = (await orderDetail(world.db, orderId))!;
      expect(detail.order.status).toBe("refunded");
      expect(ticketPdfData(detail).tickets).toEqual([]);
      await expect(afterOrderPaid(world.db, orderId)).resolves.toBeUndefined();
      await expectRefundedOnce([orderId], "admin");
      expect((await emails(`booking-refunded:${orderId}`))[0].template).toBe("booking-refunded");
    }
    expect(outcomes).toHaveLength(rounds);
  });

  it("2b. a confirmation is never queued for an order that is no longer paid", async () => {
    const { show, seat } = await world.aShow(7);
    const { orderId } = await world.buy(show.id, [seat("J", 1).id, seat("J", 2).id]);
    await world.db.delete(emailOutbox).where(eq(emailOutbox.dedupeKey, `booking-confirmed:${orderId}`));
    await refundOrder(world.db, orderId, "admin");
    // Reconciliation's "paid but never mailed" pass or a late fulfilment asks for the confirmation.
    await afterOrderPaid(world.db, orderId);
    expect(await emails(`booking-confirmed:${orderId}`)).toHaveLength(0);
    expect(await emails(`booking-refunded:${orderId}`)).toHaveLength(1);
  });

  it("3. Continue pressed twice at once opens one Checkout Session; a later Continue expires the first before opening the next", async () => {
    const { show, seat } = await world.aShow(8);
    const buyer = await world.customer("double");
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("E", 1).id, seat("E", 2).id] }, buyer.holder);
    world.stripe.slowDown({ method: "POST", path: /^\/v1\/checkout\/sessions$/, ms: 150 });
    const [a, b] = await Promise.all([startCheckout(world.db, show.id, buyer, BASE), startCheckout(world.db, show.id, buyer, BASE)]);
    world.stripe.slowDown(null);
    expect(a).toEqual(b);
    const mine = await world.db.select().from(orders).where(and(eq(orders.showId, show.id), eq(orders.holderId, buyer.holder)));
    expect(mine.filter((o) => o.status === "pending")).toHaveLength(1);
    const openSessions = () => [...world.stripe.sessions.values()].filter((s) => s.customer_email === buyer.email && s.status === "open");
    expect(openSessions().map((s) => s.id)).toEqual([mine.find((o) => o.status === "pending")!.stripeSessionId]);

    const again = await startCheckout(world.db, show.id, buyer, BASE);
    expect(again.orderId).not.toBe(a.orderId);
    expect(openSessions().map((s) => s.metadata.orderId)).toEqual([again.orderId]);
    expect((await orderNow(a.orderId)).status).toBe("cancelled");
  });

  it("4. the local gateway pays a session at most once, and its refund refers to that payment", async () => {
    const { show, seat } = await world.aShow(8);
    const buyer = await world.customer("local");
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("G", 1).id, seat("G", 2).id] }, buyer.holder);
    setPaymentsForTests(localGateway);
    try {
      const { orderId } = await startCheckout(world.db, show.id, buyer, BASE);
      const sessionId = (await orderNow(orderId)).stripeSessionId!;
      const pays = await Promise.all(Array.from({ length: 6 }, () => settleLocalSession(sessionId, "paid")));
      expect(pays.filter((p) => p.paidNow)).toHaveLength(1);
      const intents = new Set(pays.map((p) => p.row.paymentIntentId));
      expect(intents.size).toBe(1);
      const [row] = await world.db.select().from(localCheckoutSessions).where(eq(localCheckoutSessions.id, sessionId));
      expect(intents.has(row.paymentIntentId)).toBe(true);

      expect(await syncOrderWithSession(world.db, sessionId)).toBe("paid");
      expect((await orderNow(orderId)).stripePaymentIntentId).toBe(row.paymentIntentId);
      expect(await refundOrder(world.db, orderId, "admin")).toBe("refunded");
      const [after] = await world.db.select().from(localCheckoutSessions).where(eq(localCheckoutSessions.id, sessionId));
      expect(after.amountRefunded).toBe(after.amountTotal);
      expect((await orderNow(orderId)).stripeRefundId).toMatch(/^re_local_/);
    } finally {
      setPaymentsForTests(undefined);
    }
  });

  it("a correctly signed webhook that is not an event (no id, a bare JSON string) is a 400 and records nothing", async () => {
    const recorded = async () => (await world.db.select({ id: stripeEvents.id }).from(stripeEvents)).length;
    const before = await recorded();
    for (const payload of [JSON.stringify("hello"), JSON.stringify({ type: "checkout.session.completed", data: { object: { id: "cs_x" } } }), "null"]) {
      const received = await receiveStripeEvent(world.db, payload, signStripeEvent(payload, WEBHOOK_SECRET));
      expect(received.status).toBe(400);
      expect(received.event).toBeUndefined();
    }
    expect(await recorded()).toBe(before);
  });

  it.runIf(process.env.DATABASE_URL)("after all of the above, the lifecycle's invariants hold (npm run check:invariants)", async () => {
    const sql = postgres(world.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      expect((await runChecks(sql)).violations).toEqual([]);
    } finally {
      await sql.end();
    }
  });
});

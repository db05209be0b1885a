import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { uniqueViolation } from "@/db/client";
import { orderSeats, orders, seats, shows, tickets } from "@/db/schema";
import { seatIdsOfOrder } from "@/db/queries/orders";
import { releasePromoRedemption, usePromoRedemption } from "@/db/queries/pricing";
import { log } from "@/lib/log";
import { countFulfilment, countOrderStatus } from "@/lib/metrics";
import { getSeatLocks } from "@/lib/seat-locks";
import { afterOrderPaid } from "./notify";
import { completeRefund, type RefundReason } from "./refund-order";
import { markSeatsSold } from "./show-facts";

/** Why a payment cannot be honoured: it is refunded instead, with this reason and its own email. */
type Unhonourable = Extract<RefundReason, "seat_conflict" | "show_cancelled" | "seat_removed">;

export type FulfilOutcome = "paid" | "already_paid" | Unhonourable | "already_refunded" | "not_found";

/**
 * Turns a paid Checkout Session into tickets. Idempotent (webhook redeliveries, the success
 * page, the event worker and reconciliation may all call it, at once): the order row is locked,
 * and a second caller finds it paid. The show row is read under a share lock in the same
 * transaction, so a show cancellation (which locks it for update) is either seen here or sees
 * this order paid and refunds it: a cancelled show never keeps a payment. Tickets go in under the
 * unique (show, seat) index for live tickets — Postgres is the final guard. A payment that cannot
 * be honoured (seat sold meanwhile, show cancelled, seat removed from the screen) is refunded.
 */
// `now`: when the payment is recorded (paid_at); the demo's past sales (db/seed-sales.ts) pass their own clock.
export async function fulfil(db: Db, orderId: string, paymentIntentId: string | null, now = new Date()): Promise<FulfilOutcome> {
  const outcome = await db.transaction(async (tx): Promise<FulfilOutcome> => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
    if (!order) return "not_found";
    if (order.status === "paid") return "already_paid";
    if (order.status === "refunded") return "already_refunded";
    const payment = { stripePaymentIntentId: paymentIntentId ?? order.stripePaymentIntentId, paidAt: now };
    // pending, or expired/cancelled on our side while the customer was still paying: the money
    // came in, so honour it when the show still runs and the seats are still free.
    const unhonourable = await whyNotHonoured(tx, order.showId, orderId);
    if (unhonourable) {
      await tx.update(orders).set({ status: "refunded", refundReason: unhonourable, ...payment }).where(eq(orders.id, orderId));
      await releasePromoRedemption(tx, orderId);
      return unhonourable;
    }
    const seatRows = await tx.select().from(orderSeats).where(eq(orderSeats.orderId, orderId));
    try {
      await tx.transaction(async (sp) => {
        await sp.insert(tickets).values(seatRows.map((s) => ({ orderId, showId: order.showId, seatId: s.seatId })));
      });
    } catch (err) {
      if (uniqueViolation(err) !== "tickets_live_seat_unique") throw err;
      await tx.update(orders).set({ status: "refunded", refundReason: "seat_conflict", ...payment }).where(eq(orders.id, orderId));
      await releasePromoRedemption(tx, orderId);
      return "seat_conflict";
    }
    await tx
      .update(orders)
      .set({ status: "paid", closedAt: null, ...payment })
      .where(and(eq(orders.id, orderId), sql`${orders.status} <> 'paid'`));
    await usePromoRedemption(tx, orderId);
    return "paid";
  });
  countFulfilment(outcome);
  if (outcome === "show_cancelled" || outcome === "seat_removed") countOrderStatus("refunded");

  if (outcome === "paid" || outcome === "already_paid") {
    await settleAfterPaid(db, orderId);
  } else if (outcome !== "not_found") {
    // Finishes a refund whose provider call has not happened yet (or failed last time); emails.
    await completeRefund(db, orderId);
    if (outcome !== "already_refunded") log.warn({ orderId, reason: outcome }, "payment cannot be honoured: refunded");
  }
  return outcome;
}

/** The show (share-locked until commit) is cancelled, or a seat of the order left the screen. */
async function whyNotHonoured(tx: Tx, showId: string, orderId: string): Promise<Unhonourable | null> {
  const [show] = await tx.select({ status: shows.status }).from(shows).where(eq(shows.id, showId)).for("share");
  if (!show || show.status === "cancelled") return "show_cancelled";
  const [removed] = await tx
    .select({ seatId: orderSeats.seatId })
    .from(orderSeats)
    .innerJoin(seats, eq(seats.id, orderSeats.seatId))
    .where(and(eq(orderSeats.orderId, orderId), eq(seats.active, false)))
    .limit(1);
  return removed ? "seat_removed" : null;
}

/** After commit: the seats are sold, so the locks can go; the ticket email is queued once. */
async function settleAfterPaid(db: Db, orderId: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  const seatIds = await seatIdsOfOrder(db, orderId);
  // Sold in the show facts first, so no hold of these seats passes once their locks go.
  await markSeatsSold(order.showId, seatIds);
  await getSeatLocks()
    .release(order.showId, seatIds, order.holderId)
    .catch((err) => log.warn({ err, orderId }, "could not release locks after payment; they expire by themselves"));
  await afterOrderPaid(db, orderId);
}

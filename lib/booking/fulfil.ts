import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { uniqueViolation } from "@/db/client";
import { orderSeats, orders, tickets } from "@/db/schema";
import { log } from "@/lib/log";
import { countFulfilment } from "@/lib/metrics";
import { getSeatLocks } from "@/lib/seat-locks";
import { afterOrderPaid } from "./notify";
import { completeRefund } from "./refund-order";

export type FulfilOutcome = "paid" | "already_paid" | "seat_conflict" | "already_refunded" | "not_found";

/**
 * Turns a paid Checkout Session into tickets. Idempotent (webhook redeliveries, the success
 * page and a sweep may all call it, at once): the order row is locked, and a second caller finds
 * it paid. Tickets go in under the unique (show, seat) index for live tickets — Postgres is the
 * final guard. If a seat was sold to someone else meanwhile, the payment is refunded instead.
 */
export async function fulfil(db: Db, orderId: string, paymentIntentId: string | null): Promise<FulfilOutcome> {
  const outcome = await db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
    if (!order) return "not_found" as const;
    if (order.status === "paid") return "already_paid" as const;
    if (order.status === "refunded") return "already_refunded" as const;
    // pending, or expired/cancelled on our side while the customer was still paying: the money
    // came in, so honour it when the seats are still free.
    const seatRows = await tx.select().from(orderSeats).where(eq(orderSeats.orderId, orderId));
    try {
      await tx.transaction(async (sp) => {
        await sp.insert(tickets).values(seatRows.map((s) => ({ orderId, showId: order.showId, seatId: s.seatId })));
      });
    } catch (err) {
      if (uniqueViolation(err) !== "tickets_live_seat_unique") throw err;
      await tx
        .update(orders)
        .set({ status: "refunded", refundReason: "seat_conflict", stripePaymentIntentId: paymentIntentId ?? order.stripePaymentIntentId, paidAt: new Date() })
        .where(eq(orders.id, orderId));
      return "seat_conflict" as const;
    }
    await tx
      .update(orders)
      .set({ status: "paid", paidAt: new Date(), closedAt: null, stripePaymentIntentId: paymentIntentId ?? order.stripePaymentIntentId })
      .where(and(eq(orders.id, orderId), sql`${orders.status} <> 'paid'`));
    return "paid" as const;
  });
  countFulfilment(outcome);

  if (outcome === "paid" || outcome === "already_paid") {
    await settleAfterPaid(db, orderId);
  } else if (outcome === "seat_conflict" || outcome === "already_refunded") {
    // Finishes a refund whose provider call has not happened yet (or failed last time).
    await completeRefund(db, orderId);
  }
  if (outcome === "seat_conflict") log.warn({ orderId }, "seat conflict: payment refunded");
  return outcome;
}

/** After commit: the seats are sold, so the locks can go; the ticket email is queued once. */
async function settleAfterPaid(db: Db, orderId: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  const seatRows = await db.select({ seatId: orderSeats.seatId }).from(orderSeats).where(eq(orderSeats.orderId, orderId));
  await getSeatLocks()
    .release(order.showId, seatRows.map((s) => s.seatId), order.holderId)
    .catch((err) => log.warn({ err, orderId }, "could not release locks after payment; they expire by themselves"));
  await afterOrderPaid(db, orderId);
}

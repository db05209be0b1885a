import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { orderAdjustments, orderSeats } from "../schema";

// Swaps and partial cancellations of paid orders (issue 21). Writes that decide an outcome live
// in the lifecycle's transaction owners (lib/booking/cancel-seats.ts, lib/booking/swap/).

export async function adjustmentById(db: Db, id: string) {
  const [row] = await db.select().from(orderAdjustments).where(eq(orderAdjustments.id, id)).limit(1);
  return row ?? null;
}

export async function adjustmentBySession(db: Db, sessionId: string) {
  const [row] = await db.select().from(orderAdjustments).where(eq(orderAdjustments.stripeSessionId, sessionId)).limit(1);
  return row ?? null;
}

export async function pendingSwapOfOrder(db: Db, orderId: string) {
  const [row] = await db
    .select()
    .from(orderAdjustments)
    .where(and(eq(orderAdjustments.orderId, orderId), eq(orderAdjustments.status, "pending")))
    .limit(1);
  return row ?? null;
}

/** An order's swaps and partial cancellations, oldest first: the timeline's entries. */
export function adjustmentsOfOrder(db: Db, orderId: string) {
  return db.select().from(orderAdjustments).where(eq(orderAdjustments.orderId, orderId)).orderBy(asc(orderAdjustments.createdAt));
}

/** Every order line, cancelled or not: what a partial cancellation chooses from. */
export function allLinesOfOrder(db: Db, orderId: string) {
  return db.select().from(orderSeats).where(eq(orderSeats.orderId, orderId));
}

export async function setAdjustmentRefund(db: Db, id: string, refundId: string) {
  await db
    .update(orderAdjustments)
    .set({ stripeRefundId: refundId })
    .where(and(eq(orderAdjustments.id, id), isNull(orderAdjustments.stripeRefundId)));
}

/** Swap payments of an order that the order's own refund must also return (paid, not refunded yet). */
export function swapPaymentsToRefund(db: Db, orderId: string) {
  return db
    .select()
    .from(orderAdjustments)
    .where(
      and(
        eq(orderAdjustments.orderId, orderId),
        eq(orderAdjustments.kind, "swap"),
        isNotNull(orderAdjustments.stripePaymentIntentId),
        isNull(orderAdjustments.stripeRefundId),
      ),
    );
}

// Reconciliation's scans.

/** Swaps waiting for a payment whose checkout window has passed. */
export function stalePendingSwaps(db: Db, now: Date, limit: number) {
  return db
    .select({ id: orderAdjustments.id, sessionId: orderAdjustments.stripeSessionId })
    .from(orderAdjustments)
    .where(and(eq(orderAdjustments.status, "pending"), isNotNull(orderAdjustments.stripeSessionId), lt(orderAdjustments.expiresAt, now)))
    .orderBy(asc(orderAdjustments.expiresAt))
    .limit(limit);
}

/**
 * Money an adjustment owes back and has not returned yet: a completed swap or cancellation with a
 * refund due (difference < 0), or a swap that failed after its difference was paid.
 */
export function adjustmentRefundsNotMade(db: Db, olderThan: Date, limit: number) {
  return db
    .select()
    .from(orderAdjustments)
    .where(
      and(
        isNull(orderAdjustments.stripeRefundId),
        lte(orderAdjustments.createdAt, olderThan),
        sql`((${orderAdjustments.status} = 'completed' and ${orderAdjustments.difference} < 0)
          or (${orderAdjustments.status} in ('failed', 'expired', 'cancelled') and ${orderAdjustments.stripePaymentIntentId} is not null))`,
      ),
    )
    .orderBy(desc(orderAdjustments.createdAt))
    .limit(limit);
}

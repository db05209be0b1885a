import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, tickets } from "@/db/schema";
import { releasePromoRedemption } from "@/db/queries/pricing";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { countOrderStatus } from "@/lib/metrics";
import { getPayments } from "@/lib/payments";
import { offerFreedSeatsSafely } from "@/lib/booking/waitlist/offer-seats";
import { setAdjustmentRefund, swapPaymentsToRefund } from "@/db/queries/adjustments";
import { afterOrderRefunded } from "./notify";
import { unmarkSeatsSold } from "./show-facts";

import type { RefundReason } from "@/emails/booking-refunded";

export type { RefundReason };

/**
 * Refunds a paid order: tickets voided (the seats go back on sale), order marked refunded, then
 * the provider refund with an idempotency key derived from the order — so calling this twice,
 * or at once from two places, refunds the money exactly once. The freed seats are offered to
 * the show's waitlist (nobody is offered seats of a cancelled show).
 */
export async function refundOrder(db: Db, orderId: string, reason: Exclude<RefundReason, "seat_conflict" | "seat_removed">): Promise<"refunded" | "already_refunded"> {
  const result = await db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
    if (!order) throw new AppError("not_found", "That order does not exist.");
    if (order.status === "refunded") return "already_refunded" as const;
    if (order.status !== "paid") throw new AppError("conflict", "Only a paid order can be refunded.");
    await tx.update(orders).set({ status: "refunded", refundReason: reason }).where(eq(orders.id, orderId));
    // A refund gives the promo code's use back.
    await releasePromoRedemption(tx, orderId);
    const voided = await tx
      .update(tickets)
      .set({ status: "voided", voidedAt: new Date() })
      .where(and(eq(tickets.orderId, orderId), ne(tickets.status, "voided")))
      .returning({ id: tickets.id, seatId: tickets.seatId });
    return { outcome: "refunded" as const, showId: order.showId, seatsFreed: voided.length, seatIds: voided.map((t) => t.seatId) };
  });
  if (result === "already_refunded") {
    await completeRefund(db, orderId);
    return result;
  }
  countOrderStatus("refunded");
  await unmarkSeatsSold(result.showId, result.seatIds);
  if (result.seatsFreed > 0) await offerFreedSeatsSafely(db, result.showId);
  await completeRefund(db, orderId);
  return result.outcome;
}

/** Sends the provider refund for an order marked refunded but not yet refunded there; then the email. */
export async function completeRefund(db: Db, orderId: string): Promise<void> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order || order.status !== "refunded") return;
  if (order.paymentMethod !== "online") {
    // Counter money goes back the way it came (cash from the till, or the card terminal's own
    // refund): recorded here, never a provider call.
    if (!order.refundedAt) await db.update(orders).set({ refundedAt: new Date() }).where(and(eq(orders.id, orderId), isNull(orders.refundedAt)));
  } else if (!order.stripeRefundId) {
    // A free order (100 % code) took no payment: nothing to send back.
    if (!order.stripePaymentIntentId && order.totalAmount === 0) {
      await afterOrderRefunded(db, orderId);
      return;
    }
    if (!order.stripePaymentIntentId) {
      log.error({ orderId }, "refunded order has no payment to refund");
      return;
    }
    const refund = await getPayments().refund({ paymentIntentId: order.stripePaymentIntentId, idempotencyKey: `refund:${orderId}`, orderId });
    await db
      .update(orders)
      .set({ stripeRefundId: refund.id, refundedAt: new Date() })
      .where(and(eq(orders.id, orderId), isNull(orders.stripeRefundId)));
    log.info({ orderId, refundId: refund.id }, "payment refunded");
  }
  // A swap's difference was a payment of its own (issue 21): the order's refund returns it too.
  for (const swap of await swapPaymentsToRefund(db, orderId)) {
    const refund = await getPayments().refund({ paymentIntentId: swap.stripePaymentIntentId!, idempotencyKey: `refund:${swap.id}`, orderId });
    await setAdjustmentRefund(db, swap.id, refund.id);
  }
  await afterOrderRefunded(db, orderId);
}

import "server-only";
import type { Db } from "@/db/client";
import { adjustmentById, setAdjustmentRefund } from "@/db/queries/adjustments";
import { orderById } from "@/db/queries/orders";
import { log } from "@/lib/log";
import { getPayments } from "@/lib/payments";

/**
 * Returns the money an adjustment owes, after its transaction committed, once: a completed
 * swap to cheaper seats or a partial cancellation refunds |difference| to the order's payment; a
 * swap that failed or expired after its difference was paid refunds that payment in full. The
 * idempotency key is the adjustment's, so a retry (reconcile) never refunds twice.
 * A box office order (cash or card terminal) takes its money back at the counter, as its full
 * refund does (completeRefund): recorded as a counter refund, never a provider call.
 */
export async function settleAdjustmentMoney(db: Db, adjustmentId: string): Promise<void> {
  const adj = await adjustmentById(db, adjustmentId);
  if (!adj || adj.stripeRefundId) return;
  const idempotencyKey = `adjust-refund:${adj.id}`;
  let refund: { id: string } | null = null;
  if (adj.status === "completed" && adj.difference < 0) {
    const order = await orderById(db, adj.orderId);
    if (order && order.paymentMethod !== "online") {
      await setAdjustmentRefund(db, adj.id, counterRefundId(order.paymentMethod));
      log.info({ adjustmentId, method: order.paymentMethod }, "adjustment refunded at the counter");
      return;
    }
    if (!order?.stripePaymentIntentId) {
      log.error({ adjustmentId }, "adjusted order has no payment to refund");
      return;
    }
    refund = await getPayments().refund({ paymentIntentId: order.stripePaymentIntentId, idempotencyKey, orderId: adj.orderId, amount: -adj.difference });
  } else if (adj.status !== "completed" && adj.status !== "pending" && adj.stripePaymentIntentId) {
    refund = await getPayments().refund({ paymentIntentId: adj.stripePaymentIntentId, idempotencyKey, orderId: adj.orderId });
  }
  if (!refund) return;
  await setAdjustmentRefund(db, adj.id, refund.id);
  log.info({ adjustmentId, refundId: refund.id }, "adjustment refunded");
}

/**
 * The refund id an adjustment of a counter order records: no provider refund exists, and the id
 * says where the money went back ("counter:cash", "counter:card_terminal"). See docs/decisions.md.
 */
export function counterRefundId(method: string): string {
  return `counter:${method}`;
}

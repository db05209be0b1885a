import "server-only";
import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox, orders } from "@/db/schema";
import { log } from "@/lib/log";
import { afterOrderPaid } from "./notify";
import { completeRefund } from "./refund-order";
import { syncOrderWithSession } from "./sync-order";

/**
 * The safety net behind webhooks: an event whose processing failed after we answered 200, or a
 * webhook that never came, leaves an order behind. This finds such orders and settles them from
 * the provider's current state. Run by an in-process timer and by the cron route.
 */
export async function reconcileOrders(db: Db, now = new Date(), limit = 50) {
  const report = { synced: 0, refundsCompleted: 0, emailsQueued: 0 };
  // Pending orders whose checkout window has passed: paid late, or expired.
  const stale = await db
    .select({ id: orders.id, sessionId: orders.stripeSessionId })
    .from(orders)
    .where(and(eq(orders.status, "pending"), isNotNull(orders.stripeSessionId), lt(orders.expiresAt, now)))
    .limit(limit);
  for (const o of stale) {
    await syncOrderWithSession(db, o.sessionId!).catch((err) => log.warn({ err, orderId: o.id }, "reconcile: sync failed"));
    report.synced++;
  }
  // Refunds recorded here but not yet made at the provider.
  const unrefunded = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, "refunded"), isNull(orders.stripeRefundId), isNotNull(orders.stripePaymentIntentId)))
    .limit(limit);
  for (const o of unrefunded) {
    await completeRefund(db, o.id).catch((err) => log.warn({ err, orderId: o.id }, "reconcile: refund failed"));
    report.refundsCompleted++;
  }
  // Paid orders whose ticket email was never queued (a crash between commit and queueing).
  const unmailed = await db
    .select({ id: orders.id })
    .from(orders)
    .leftJoin(emailOutbox, eq(emailOutbox.dedupeKey, sql`'booking-confirmed:' || ${orders.id}`))
    .where(and(eq(orders.status, "paid"), isNull(emailOutbox.id)))
    .limit(limit);
  for (const o of unmailed) {
    await afterOrderPaid(db, o.id).catch((err) => log.warn({ err, orderId: o.id }, "reconcile: email failed"));
    report.emailsQueued++;
  }
  return report;
}

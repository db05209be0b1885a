import "server-only";
import { and, asc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox, orders } from "@/db/schema";
import { log } from "@/lib/log";
import { afterOrderPaid } from "./notify";
import { completeRefund } from "./refund-order";
import { syncOrderWithSession } from "./lifecycle";
import { processUnfinishedEvents } from "./payment-events";

/**
 * The safety net behind webhooks: an event that never came leaves an order behind (an event that
 * came but was not finished is the event worker's, which this runs first). This finds such orders,
 * oldest first, and settles them from the provider's current state. Run by an in-process timer
 * and by the cron route. The report counts what actually happened; failures are counted as failed.
 */
export async function reconcileOrders(db: Db, now = new Date(), limit = 50) {
  const events = await processUnfinishedEvents(db);
  const report = { events, synced: 0, awaitingPayment: 0, refundsCompleted: 0, emailsQueued: 0, failed: 0 };
  const attempt = async (what: string, orderId: string, work: () => Promise<unknown>, counter: "synced" | "refundsCompleted" | "emailsQueued") => {
    try {
      // A session the provider still reports open has not been settled: say so, not "synced".
      if ((await work()) === "awaiting_payment") report.awaitingPayment++;
      else report[counter]++;
    } catch (err) {
      report.failed++;
      log.warn({ err, orderId }, `reconcile: ${what} failed`);
    }
  };
  // Pending orders whose checkout window has passed: paid late, or expired.
  const stale = await db
    .select({ id: orders.id, sessionId: orders.stripeSessionId })
    .from(orders)
    .where(and(eq(orders.status, "pending"), isNotNull(orders.stripeSessionId), lt(orders.expiresAt, now)))
    .orderBy(asc(orders.expiresAt))
    .limit(limit);
  for (const o of stale) await attempt("sync", o.id, () => syncOrderWithSession(db, o.sessionId!), "synced");
  // Refunds recorded here but not yet made at the provider.
  const unrefunded = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, "refunded"), isNull(orders.stripeRefundId), isNotNull(orders.stripePaymentIntentId)))
    .orderBy(asc(orders.paidAt))
    .limit(limit);
  for (const o of unrefunded) await attempt("refund", o.id, () => completeRefund(db, o.id), "refundsCompleted");
  // Paid orders whose ticket email was never queued (a crash between commit and queueing).
  const unmailed = await db
    .select({ id: orders.id })
    .from(orders)
    .leftJoin(emailOutbox, eq(emailOutbox.dedupeKey, sql`'booking-confirmed:' || ${orders.id}`))
    .where(and(eq(orders.status, "paid"), isNull(emailOutbox.id)))
    .orderBy(asc(orders.paidAt))
    .limit(limit);
  for (const o of unmailed) await attempt("email", o.id, () => afterOrderPaid(db, o.id), "emailsQueued");
  return report;
}

import "server-only";
import type { Db } from "@/db/client";
import { paidOrdersWithoutConfirmation, refundsNotMade, stalePendingOrders } from "@/db/queries/orders";
import { log } from "@/lib/log";
import { adjustmentRefundsNotMade, stalePendingSwaps } from "@/db/queries/adjustments";
import { settleAdjustmentMoney } from "./adjustment-money";
import { syncOrderWithSession } from "./lifecycle";
import { afterOrderPaid } from "./notify";
import { processUnfinishedEvents } from "./payment-events";
import { completeRefund } from "./refund-order";

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
  for (const o of await stalePendingOrders(db, now, limit)) await attempt("sync", o.id, () => syncOrderWithSession(db, o.sessionId!), "synced");
  for (const o of await refundsNotMade(db, limit)) await attempt("refund", o.id, () => completeRefund(db, o.id), "refundsCompleted");
  for (const o of await paidOrdersWithoutConfirmation(db, limit)) await attempt("email", o.id, () => afterOrderPaid(db, o.id), "emailsQueued");
  // Swaps and partial cancellations (issue 21): a difference never paid, money never returned.
  for (const s of await stalePendingSwaps(db, now, limit)) await attempt("swap sync", s.id, () => syncOrderWithSession(db, s.sessionId!), "synced");
  const settledBefore = new Date(now.getTime() - 60_000);
  for (const a of await adjustmentRefundsNotMade(db, settledBefore, limit)) await attempt("adjustment refund", a.id, () => settleAdjustmentMoney(db, a.id), "refundsCompleted");
  return report;
}

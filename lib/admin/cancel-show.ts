import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { orders, shows } from "@/db/schema";
import { closePendingOrder } from "@/lib/booking/close-order";
import { refundOrder } from "@/lib/booking/refund-order";
import { syncOrderWithSession } from "@/lib/booking/sync-order";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getPayments } from "@/lib/payments";
import type { AdminActor } from "./admin-actor";
import { recordAudit } from "@/lib/audit/record-audit";

export type CancelShowResult = { refunded: number; alreadyRefunded: number; closed: number; failed: string[] };

// Refunds go to the payment provider one request each; a few at a time keeps a full house quick
// without a burst the provider would rate-limit.
const REFUND_CONCURRENCY = 4;

/**
 * Cancels a show: it leaves sale at once, every paid order is refunded (reason show_cancelled,
 * which emails each customer), and unpaid checkouts are closed so they cannot be paid later.
 * Safe to run again: a second run finishes whatever a failed first run left behind.
 */
export async function cancelShow(actor: AdminActor, input: { showId: string }, now = new Date()): Promise<CancelShowResult> {
  const db = await getDb();
  const show = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(shows).where(eq(shows.id, input.showId)).for("update");
    if (!current) throw new AppError("not_found", "That show does not exist.");
    if (current.endsAt <= now) throw new AppError("conflict", "This show is already over; refund its bookings one by one instead.");
    if (current.status !== "cancelled") {
      await tx.update(shows).set({ status: "cancelled" }).where(eq(shows.id, current.id));
    }
    await recordAudit(tx, actor, "show.cancel", { type: "show", id: current.id }, { startsAt: current.startsAt.toISOString(), again: current.status === "cancelled" });
    return current;
  });

  const result: CancelShowResult = { refunded: 0, alreadyRefunded: 0, closed: 0, failed: [] };

  // Unpaid checkouts first: their sessions are expired at the provider, so no one pays for a
  // cancelled show; one paid at the last moment is fulfilled and then refunded below.
  const pending = await db.select().from(orders).where(and(eq(orders.showId, show.id), eq(orders.status, "pending")));
  for (const order of pending) {
    try {
      if (order.stripeSessionId) {
        const session = await getPayments().expireSession(order.stripeSessionId);
        if (session.paymentStatus === "paid") await syncOrderWithSession(db, order.stripeSessionId);
      }
      if (await closePendingOrder(db, order.id, "cancelled")) result.closed++;
    } catch (err) {
      log.error({ err, orderId: order.id }, "could not close a pending order of a cancelled show");
      result.failed.push(order.id);
    }
  }

  const paid = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.showId, show.id), eq(orders.status, "paid")));
  const queue = [...paid];
  await Promise.all(
    Array.from({ length: Math.min(REFUND_CONCURRENCY, queue.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          const outcome = await refundOrder(db, next.id, "show_cancelled");
          if (outcome === "refunded") result.refunded++;
          else result.alreadyRefunded++;
        } catch (err) {
          log.error({ err, orderId: next.id }, "could not refund an order of a cancelled show");
          result.failed.push(next.id);
        }
      }
    }),
  );

  await recordAudit(db, actor, "show.cancel.refunds", { type: "show", id: show.id }, { ...result });
  return result;
}

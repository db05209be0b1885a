import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { shows } from "@/db/schema";
import { ordersOfShow } from "@/db/queries/orders";
import type { AdminActor } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { abandonPendingOrder } from "./lifecycle";
import { refundOrder } from "./refund-order";
import { showChanged } from "./show-facts";

export type CancelShowResult = { refunded: number; alreadyRefunded: number; closed: number; failed: string[] };

// Refunds go to the payment provider one request each; a few at a time keeps a full house quick
// without a burst the provider would rate-limit.
const REFUND_CONCURRENCY = 4;

/**
 * Cancels a show: it leaves sale at once, every paid order is refunded (reason show_cancelled,
 * which emails each customer), and unpaid checkouts are closed so they cannot be paid later.
 * Safe to run again: a second run finishes whatever a failed first run left behind.
 *
 * No window: the show row is locked for update while it is marked cancelled. A checkout inserts
 * its order under a share lock on the show (so it either committed before — and is closed below —
 * or sees the cancellation and stops), and fulfilment reads the show under a share lock too (so a
 * payment either was paid before — and is refunded below — or is refunded as show_cancelled).
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

  // No hold passes from now on, on any instance.
  await showChanged(db, show.id);

  const result: CancelShowResult = { refunded: 0, alreadyRefunded: 0, closed: 0, failed: [] };

  // Unpaid checkouts first: their sessions are expired at the provider, so no one pays for a
  // cancelled show; one paid at the last moment is refunded by fulfilment (the show is cancelled).
  for (const order of await ordersOfShow(db, show.id, "pending")) {
    try {
      if ((await abandonPendingOrder(db, order)) === "cancelled") result.closed++;
    } catch (err) {
      log.error({ err, orderId: order.id }, "could not close a pending order of a cancelled show");
      result.failed.push(order.id);
    }
  }

  const queue = await ordersOfShow(db, show.id, "paid");
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

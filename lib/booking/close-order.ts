import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema";
import { seatIdsOfOrder } from "@/db/queries/orders";
import { releasePromoRedemption } from "@/db/queries/pricing";
import { log } from "@/lib/log";
import { countOrderStatus } from "@/lib/metrics";
import { getSeatLocks } from "@/lib/seat-locks";
import { offerFreedSeatsSafely } from "@/lib/booking/waitlist/offer-seats";

/**
 * Ends a pending order that will not be paid: `expired` (Stripe's session timed out) or
 * `cancelled` (the customer left checkout, or an async payment failed). Its seats go back on sale.
 * An order that is no longer pending is left alone, so a late event cannot undo a payment.
 * Seats that go back on sale are offered to the show's waitlist.
 */
export async function closePendingOrder(db: Db, orderId: string, status: "expired" | "cancelled", opts: { releaseSeats?: boolean } = {}) {
  // The order closes and its promo code's use is given back together.
  const closed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(orders)
      .set({ status, closedAt: new Date() })
      .where(and(eq(orders.id, orderId), eq(orders.status, "pending")))
      .returning();
    if (row) await releasePromoRedemption(tx, orderId);
    return row;
  });
  if (!closed) return false;
  countOrderStatus(status);
  if (opts.releaseSeats !== false) {
    const seatIds = await seatIdsOfOrder(db, orderId);
    await getSeatLocks()
      .release(closed.showId, seatIds, closed.holderId)
      .catch((err) => log.warn({ err, orderId }, "could not release locks; they expire by themselves"));
    await offerFreedSeatsSafely(db, closed.showId);
  }
  return true;
}

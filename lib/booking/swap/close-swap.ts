import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderAdjustments } from "@/db/schema";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { getPayments } from "@/lib/payments";
import type { SessionView } from "@/lib/payments/gateway";
import { getSeatLocks } from "@/lib/seat-locks";
import { offerFreedSeatsSafely } from "../waitlist/offer-seats";
import { completeSwap, type SwapOutcome } from "./complete-swap";

/**
 * A swap whose difference will not be paid (its session expired, the payment failed, the
 * customer gave up): closed only while pending, so a late event never undoes a completed swap.
 * The original booking was never touched; the new seats are released and offered to the waitlist.
 */
export async function closePendingSwap(db: Db, swapId: string, status: "expired" | "cancelled"): Promise<boolean> {
  const [closed] = await db
    .update(orderAdjustments)
    .set({ status })
    .where(and(eq(orderAdjustments.id, swapId), eq(orderAdjustments.status, "pending")))
    .returning();
  if (!closed) return false;
  metrics().orderAdjustments.inc({ kind: "swap", outcome: status });
  if (closed.holderId) {
    await getSeatLocks()
      .release(closed.toShowId, closed.newLines.map((l) => l.seatId), closed.holderId)
      .catch((err) => log.warn({ err, swapId }, "could not release a swap's locks; they expire by themselves"));
  }
  await offerFreedSeatsSafely(db, closed.toShowId);
  return true;
}

export type SwapSyncOutcome = SwapOutcome | "expired" | "cancelled" | "awaiting_payment";

/** The provider's facts about a swap's session, applied: paid → complete; expired / failed → closed. */
export async function applySwapSession(db: Db, swapId: string, session: SessionView, eventType?: string): Promise<SwapSyncOutcome> {
  if (session.paymentStatus === "paid" || session.paymentStatus === "no_payment_required") return completeSwap(db, swapId, session.paymentIntentId);
  if (session.status === "expired") {
    await closePendingSwap(db, swapId, "expired");
    return "expired";
  }
  if (eventType === "checkout.session.async_payment_failed") {
    await closePendingSwap(db, swapId, "cancelled");
    return "cancelled";
  }
  return "awaiting_payment";
}

/**
 * Gives up a swap still waiting for payment (a newer swap, the customer's Cancel): the session is
 * expired at the provider first; if it was paid meanwhile the payment wins and "paid" says so.
 */
export async function abandonPendingSwap(db: Db, swap: { id: string; status: string; stripeSessionId: string | null }): Promise<"cancelled" | "paid" | "not_pending"> {
  if (swap.status !== "pending") return "not_pending";
  if (swap.stripeSessionId) {
    const session = await getPayments().expireSession(swap.stripeSessionId);
    if (session.paymentStatus === "paid") {
      await completeSwap(db, swap.id, session.paymentIntentId);
      return "paid";
    }
  }
  return (await closePendingSwap(db, swap.id, "cancelled")) ? "cancelled" : "not_pending";
}

import "server-only";
import type { Db } from "@/db/client";
import { orderBySession } from "@/db/queries/orders";
import { getPayments } from "@/lib/payments";
import type { SessionView } from "@/lib/payments/gateway";
import { adjustmentBySession } from "@/db/queries/adjustments";
import { closePendingOrder } from "./close-order";
import { applySwapSession, type SwapSyncOutcome } from "./swap/close-swap";
import { fulfil, type FulfilOutcome } from "./fulfil";

// The order lifecycle: the one place that takes the payment provider's facts about a Checkout
// Session and moves the order. The states, events and transitions are tabled in README.md.
// Transitions themselves: fulfil.ts (→ paid, or → refunded when the payment cannot be honoured),
// close-order.ts (→ expired | cancelled), refund-order.ts (paid → refunded); a paid order's swap
// to another show (swap/) and partial cancellation (cancel-seats.ts) keep it paid.

export type SyncOutcome = FulfilOutcome | SwapSyncOutcome | "unknown_session";

/** The provider events the lifecycle acts on; every other type is acknowledged and ignored. */
export const SESSION_EVENTS = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
]);

/** What the session says, applied to its order: paid → fulfil; expired → expired; a failed async payment → cancelled. */
async function applySessionFacts(db: Db, orderId: string, session: SessionView, eventType?: string, now?: Date): Promise<SyncOutcome> {
  if (session.paymentStatus === "paid" || session.paymentStatus === "no_payment_required") {
    return fulfil(db, orderId, session.paymentIntentId, now);
  }
  if (session.status === "expired") {
    await closePendingOrder(db, orderId, "expired");
    return "expired";
  }
  if (eventType === "checkout.session.async_payment_failed") {
    await closePendingOrder(db, orderId, "cancelled");
    return "cancelled";
  }
  return "awaiting_payment";
}

/**
 * Brings an order in line with what the provider says about its Checkout Session now. Events can
 * arrive in any order (expired before completed, failed after succeeded), so every event, the
 * success page and reconciliation re-read the session and act on its current state, not the event's.
 */
export async function syncOrderWithSession(db: Db, sessionId: string, eventType?: string, now?: Date): Promise<SyncOutcome> {
  const order = await orderBySession(db, sessionId);
  if (order) return applySessionFacts(db, order.id, await getPayments().retrieveSession(sessionId), eventType, now);
  // A swap's difference is paid through a session of its own (issue 21), settled the same way.
  const swap = await adjustmentBySession(db, sessionId);
  if (swap) return applySwapSession(db, swap.id, await getPayments().retrieveSession(sessionId), eventType);
  return "unknown_session";
}

/** A verified provider event, dispatched into the lifecycle. `now`: the clock of what it records (paid_at); real time but for the demo's past sales. */
export async function applyPaymentEvent(db: Db, event: { type: string; object: Record<string, unknown> }, now?: Date): Promise<string> {
  if (!SESSION_EVENTS.has(event.type)) return "ignored";
  const sessionId = event.object.id;
  if (typeof sessionId !== "string") return "ignored";
  return syncOrderWithSession(db, sessionId, event.type, now);
}

export type AbandonOutcome = "cancelled" | "paid" | "not_pending";

/**
 * Ends a pending checkout on our side (the customer pressed Cancel, the box office cancelled it,
 * the show was cancelled, the customer started a newer checkout). The session is expired at the
 * provider first, so it can no longer be paid; if it was paid meanwhile the payment wins and the
 * order is settled from the provider's facts (fulfilled, or refunded if it cannot be honoured),
 * and "paid" tells the caller so. Every caller handles "paid meanwhile" through this one function.
 */
export async function abandonPendingOrder(
  db: Db,
  order: { id: string; status: string; stripeSessionId: string | null },
  opts: { releaseSeats?: boolean } = {},
): Promise<AbandonOutcome> {
  if (order.status !== "pending") return "not_pending";
  if (order.stripeSessionId) {
    const session = await getPayments().expireSession(order.stripeSessionId);
    if (session.paymentStatus === "paid" || session.paymentStatus === "no_payment_required") {
      await applySessionFacts(db, order.id, session);
      return "paid";
    }
  }
  return (await closePendingOrder(db, order.id, "cancelled", opts)) ? "cancelled" : "not_pending";
}

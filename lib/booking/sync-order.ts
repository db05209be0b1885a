import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema";
import { getPayments } from "@/lib/payments";
import { closePendingOrder } from "./close-order";
import { fulfil, type FulfilOutcome } from "./fulfil";

export type SyncOutcome = FulfilOutcome | "expired" | "cancelled" | "awaiting_payment" | "unknown_session";

/**
 * Brings an order in line with what the provider says about its Checkout Session now. Events can
 * arrive in any order (expired before completed, failed after succeeded), so every event and
 * the success page re-read the session and act on its current state, not on the event's.
 */
export async function syncOrderWithSession(db: Db, sessionId: string, eventType?: string): Promise<SyncOutcome> {
  const [order] = await db.select().from(orders).where(eq(orders.stripeSessionId, sessionId)).limit(1);
  if (!order) return "unknown_session";
  const session = await getPayments().retrieveSession(sessionId);
  if (session.paymentStatus === "paid" || session.paymentStatus === "no_payment_required") {
    return fulfil(db, order.id, session.paymentIntentId);
  }
  if (session.status === "expired") {
    await closePendingOrder(db, order.id, "expired");
    return "expired";
  }
  if (eventType === "checkout.session.async_payment_failed") {
    await closePendingOrder(db, order.id, "cancelled");
    return "cancelled";
  }
  return "awaiting_payment";
}

import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { syncOrderWithSession } from "@/lib/booking/sync-order";

/** checkout.session.async_payment_failed: re-read the session and move the order to the state the provider reports. */
export function handle(db: Db, event: Stripe.Event) {
  const session = event.data.object as Stripe.Checkout.Session;
  return syncOrderWithSession(db, session.id, "checkout.session.async_payment_failed");
}

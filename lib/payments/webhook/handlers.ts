import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import * as completed from "./checkout-session-completed";
import * as asyncSucceeded from "./checkout-session-async-payment-succeeded";
import * as asyncFailed from "./checkout-session-async-payment-failed";
import * as expired from "./checkout-session-expired";

type Handler = (db: Db, event: Stripe.Event) => Promise<string>;

/** One file per event type we act on; every other type is acknowledged and ignored. */
export const webhookHandlers: Record<string, Handler> = {
  "checkout.session.completed": completed.handle,
  "checkout.session.async_payment_succeeded": asyncSucceeded.handle,
  "checkout.session.async_payment_failed": asyncFailed.handle,
  "checkout.session.expired": expired.handle,
};

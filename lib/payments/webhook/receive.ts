import "server-only";
import Stripe from "stripe";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { log } from "@/lib/log";
import { countWebhookEvent } from "@/lib/metrics";
import { getPayments } from "@/lib/payments";
import { webhookHandlers } from "./handlers";

// Stripe's default: a signature older than five minutes is refused (replays).
const TOLERANCE_SECONDS = 300;

export type Received = { status: 200 | 400; body: Record<string, unknown>; event?: Stripe.Event };

/**
 * Checks the signature on the raw body and records the event id once. Only a new, correctly
 * signed event comes back for processing; a redelivery answers 200 and does nothing.
 */
export async function receiveStripeEvent(db: Db, rawBody: string, signature: string | null): Promise<Received> {
  if (!signature) return { status: 400, body: { error: "Missing Stripe-Signature header." } };
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(rawBody, signature, getPayments().webhookSecret(), TOLERANCE_SECONDS);
  } catch (err) {
    log.warn({ err: err instanceof Error ? err.message : err }, "webhook signature refused");
    countWebhookEvent("unknown", "invalid_signature");
    return { status: 400, body: { error: "Invalid signature." } };
  }
  const inserted = await db.insert(stripeEvents).values({ id: event.id, type: event.type }).onConflictDoNothing().returning();
  if (!inserted.length) {
    countWebhookEvent(event.type, "duplicate");
    return { status: 200, body: { received: true, duplicate: true } };
  }
  return { status: 200, body: { received: true }, event };
}

/** The slow part, run after the response has gone: act on the event and note the outcome. */
export async function processStripeEvent(db: Db, event: Stripe.Event): Promise<string> {
  const handler = webhookHandlers[event.type];
  let outcome = "ignored";
  try {
    if (handler) outcome = await handler(db, event);
  } catch (err) {
    outcome = "failed";
    log.error({ err, eventId: event.id, type: event.type }, "webhook processing failed");
  }
  await db.update(stripeEvents).set({ outcome, processedAt: new Date() }).where(eq(stripeEvents.id, event.id));
  countWebhookEvent(event.type, outcome);
  return outcome;
}

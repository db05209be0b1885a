import "server-only";
import Stripe from "stripe";
import { log } from "@/lib/log";
import { countWebhookEvent } from "@/lib/metrics";
import { getPayments } from "@/lib/payments";

// Stripe's default: a signature older than five minutes is refused (replays).
const TOLERANCE_SECONDS = 300;

/** A verified event as the lifecycle needs it: its id, its type and the object it is about. */
export type VerifiedEvent = { id: string; type: string; object: Record<string, unknown>; payload: Record<string, unknown> };

export type Verification = { ok: true; event: VerifiedEvent } | { ok: false; status: 400; body: { error: string } };

const refused = (error: string): Verification => ({ ok: false, status: 400, body: { error } });

/**
 * Checks the signature on the raw body (Stripe's or the local gateway's secret) and the event's
 * shape. A correctly signed body that is not an event (no id, a bare JSON string) is refused
 * with a 400 like a bad signature: nothing could ever process it.
 */
export function verifyWebhook(rawBody: string, signature: string | null): Verification {
  if (!signature) return refused("Missing Stripe-Signature header.");
  let parsed: unknown;
  try {
    parsed = Stripe.webhooks.constructEvent(rawBody, signature, getPayments().webhookSecret(), TOLERANCE_SECONDS);
  } catch (err) {
    log.warn({ err: err instanceof Error ? err.message : err }, "webhook signature refused");
    countWebhookEvent("unknown", "invalid_signature");
    return refused("Invalid signature.");
  }
  const event = parsed as Partial<{ id: unknown; type: unknown; data: { object?: unknown } }> | null;
  const object = event?.data?.object;
  if (typeof event !== "object" || event === null || typeof event.id !== "string" || !event.id || typeof event.type !== "string" || typeof object !== "object" || object === null) {
    countWebhookEvent("unknown", "malformed");
    return refused("The body is not a Stripe event.");
  }
  return { ok: true, event: { id: event.id, type: event.type, object: object as Record<string, unknown>, payload: event as Record<string, unknown> } };
}

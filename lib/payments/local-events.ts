import "server-only";
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import type { localCheckoutSessions } from "@/db/schema";
import { log } from "@/lib/log";
import { localGateway } from "./local-gateway";

type Row = typeof localCheckoutSessions.$inferSelect;

/** A Stripe-shaped event about a local session, as Stripe would send it. */
export function localSessionEvent(type: string, row: Row) {
  return {
    id: `evt_local_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: "2025-10-29.clover",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: {
      object: {
        id: row.id,
        object: "checkout.session",
        status: row.status,
        payment_status: row.paymentStatus,
        amount_total: row.amountTotal,
        currency: row.currency,
        customer_email: row.customerEmail,
        client_reference_id: row.orderId,
        metadata: { orderId: row.orderId },
        payment_intent: row.paymentIntentId,
        expires_at: Math.floor(row.expiresAt.getTime() / 1000),
      },
    },
  };
}

/** The event's body and its Stripe-Signature header, as the webhook route receives them. */
export function signLocalEvent(event: ReturnType<typeof localSessionEvent>): { payload: string; signature: string } {
  const payload = JSON.stringify(event);
  return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: localGateway.webhookSecret() }) };
}

/**
 * Signs the event with the webhook secret and posts it to our own webhook route, so the local
 * checkout runs exactly the code path Stripe's deliveries run.
 */
export async function deliverLocalEvent(baseUrl: string, event: ReturnType<typeof localSessionEvent>): Promise<number> {
  const { payload, signature } = signLocalEvent(event);
  const res = await fetch(`${baseUrl}/api/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  });
  if (!res.ok) log.error({ status: res.status, eventId: event.id }, "local webhook delivery refused");
  return res.status;
}

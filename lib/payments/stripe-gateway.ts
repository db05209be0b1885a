import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { getStripe } from "./stripe-client";
import type { CheckoutSessionInput, PaymentGateway, SessionView } from "./gateway";
import { currentRequestId } from "@/lib/request-context";

function view(s: Stripe.Checkout.Session): SessionView {
  return {
    id: s.id,
    orderId: s.metadata?.orderId ?? s.client_reference_id ?? null,
    status: (s.status ?? "open") as SessionView["status"],
    paymentStatus: s.payment_status as SessionView["paymentStatus"],
    paymentIntentId: typeof s.payment_intent === "string" ? s.payment_intent : (s.payment_intent?.id ?? null),
    amountTotal: s.amount_total,
    url: s.url ?? null,
  };
}

/**
 * Our request id as a header on each Stripe call, so Stripe's request log meets ours. A header,
 * not metadata: idempotent calls must repeat the same parameters from whichever request retries.
 */
function traced(): { headers?: Record<string, string> } {
  const requestId = currentRequestId();
  return requestId ? { headers: { "X-Marquee-Request-Id": requestId } } : {};
}

export const stripeGateway: PaymentGateway = {
  kind: "stripe",
  async createCheckoutSession(input: CheckoutSessionInput) {
    const session = await getStripe().checkout.sessions.create(
      {
        mode: "payment",
        customer_email: input.customerEmail,
        client_reference_id: input.orderId,
        metadata: { orderId: input.orderId },
        payment_intent_data: { metadata: { orderId: input.orderId } },
        expires_at: Math.floor(input.expiresAt.getTime() / 1000),
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
        line_items: input.lineItems.map((li) => ({
          quantity: 1,
          price_data: { currency: input.currency, unit_amount: li.amount, product_data: { name: li.name } },
        })),
      },
      { idempotencyKey: input.idempotencyKey, ...traced() },
    );
    if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
    return { id: session.id, url: session.url };
  },
  async retrieveSession(id) {
    return view(await getStripe().checkout.sessions.retrieve(id, {}, traced()));
  },
  async expireSession(id) {
    const current = await getStripe().checkout.sessions.retrieve(id, {}, traced());
    if (current.status !== "open") return view(current);
    try {
      return view(await getStripe().checkout.sessions.expire(id, {}, traced()));
    } catch (err) {
      // Paid or expired between the two calls (Stripe refuses to expire a session that is not
      // open): what matters is its state now.
      if (!(err instanceof Stripe.errors.StripeInvalidRequestError)) throw err;
      return view(await getStripe().checkout.sessions.retrieve(id, {}, traced()));
    }
  },
  async refund({ paymentIntentId, idempotencyKey, orderId, amount }) {
    const refund = await getStripe().refunds.create({ payment_intent: paymentIntentId, metadata: { orderId }, ...(amount === undefined ? {} : { amount }) }, { idempotencyKey, ...traced() });
    return { id: refund.id };
  },
  webhookSecret() {
    const secret = env().STRIPE_WEBHOOK_SECRET;
    if (!secret) throw new Error("STRIPE_WEBHOOK_SECRET is not set");
    return secret;
  },
};

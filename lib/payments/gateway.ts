// What the booking state machine needs from a payment provider. Two implementations:
// Stripe (STRIPE_SECRET_KEY) and the local checkout emulator (the embedded default), which
// keeps Stripe's shapes so the same webhook code path runs in both.

export type CheckoutSessionInput = {
  orderId: string;
  customerEmail: string;
  currency: string;
  lineItems: { name: string; amount: number }[];
  expiresAt: Date;
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
};

export type SessionView = {
  id: string;
  orderId: string | null;
  status: "open" | "complete" | "expired";
  paymentStatus: "paid" | "unpaid" | "no_payment_required";
  paymentIntentId: string | null;
  amountTotal: number | null;
  /** Where the customer pays, while the session is open. */
  url: string | null;
};

export interface PaymentGateway {
  readonly kind: "stripe" | "local";
  createCheckoutSession(input: CheckoutSessionInput): Promise<{ id: string; url: string }>;
  retrieveSession(id: string): Promise<SessionView>;
  /** Expires an open session; a session already complete or expired is left as it is. */
  expireSession(id: string): Promise<SessionView>;
  /** Refunds `amount` (minor units) of the payment, or all that is not refunded yet when omitted. */
  refund(input: { paymentIntentId: string; idempotencyKey: string; orderId: string; amount?: number }): Promise<{ id: string }>;
  /** The secret webhook signatures are checked against. */
  webhookSecret(): string;
}

import { integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// The embedded default's stand-in for Stripe's own records: a Checkout Session and its payment,
// kept in the app's database so several instances (and the webhook they post) agree on them.
export const localSessionStatus = pgEnum("local_session_status", ["open", "complete", "expired"]);

export const localCheckoutSessions = pgTable("local_checkout_sessions", {
  id: text("id").primaryKey(),
  orderId: text("order_id").notNull(),
  status: localSessionStatus("status").notNull().default("open"),
  paymentStatus: text("payment_status").notNull().default("unpaid"),
  paymentIntentId: text("payment_intent_id"),
  amountTotal: integer("amount_total").notNull(),
  currency: text("currency").notNull(),
  customerEmail: text("customer_email").notNull(),
  lineItems: jsonb("line_items").$type<{ name: string; amount: number }[]>().notNull(),
  successUrl: text("success_url").notNull(),
  cancelUrl: text("cancel_url").notNull(),
  // Idempotency: the same key returns the same session, as Stripe does.
  idempotencyKey: text("idempotency_key").unique(),
  amountRefunded: integer("amount_refunded").notNull().default(0),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

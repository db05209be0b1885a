import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { shows } from "./catalog";
import { promoCodes, ticketTypes } from "./pricing";
import { seats } from "./venue";
import { newBookingReference } from "../../lib/booking-reference";

export const orderStatus = pgEnum("order_status", ["pending", "paid", "expired", "cancelled", "refunded"]);
export const ticketStatus = pgEnum("ticket_status", ["valid", "admitted", "voided"]);
// Where an order was sold: on the website (paid through Stripe or the local gateway) or at the
// box office counter (paid in cash or on an external card terminal, recorded, never through Stripe).
export const orderChannel = pgEnum("order_channel", ["online", "box_office"]);
export const paymentMethod = pgEnum("payment_method", ["online", "cash", "card_terminal"]);

export const orders = pgTable(
  "orders",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    // The short reference the customer sees and staff search by (lib/booking-reference.ts).
    reference: text("reference").notNull().$defaultFn(() => newBookingReference()),
    userId: text("user_id").references(() => users.id),
    showId: text("show_id").notNull().references(() => shows.id),
    // The seat-lock holder id that owned the seats when checkout started.
    holderId: text("holder_id").notNull(),
    email: text("email").notNull(),
    status: orderStatus("status").notNull().default("pending"),
    // Why a paid order was refunded: "seat_conflict", "customer_cancelled", "show_cancelled", "admin".
    refundReason: text("refund_reason"),
    // total_amount = sum(order_seats.amount) + order_fee (the per-order booking fee, its tax included).
    totalAmount: integer("total_amount").notNull(),
    orderFee: integer("order_fee").notNull().default(0),
    orderFeeTax: integer("order_fee_tax").notNull().default(0),
    // All tax in the order (lines + order fee), and whether it was inside the prices (VAT) or added.
    taxAmount: integer("tax_amount").notNull().default(0),
    taxIncluded: boolean("tax_included").notNull().default(false),
    discountAmount: integer("discount_amount").notNull().default(0),
    promoCodeId: text("promo_code_id").references(() => promoCodes.id),
    promoCode: text("promo_code"),
    currency: text("currency").notNull(),
    channel: orderChannel("channel").notNull().default("online"),
    paymentMethod: paymentMethod("payment_method").notNull().default("online"),
    // The staff member who sold a box office order (null online).
    soldBy: text("sold_by").references(() => users.id),
    stripeSessionId: text("stripe_session_id").unique(),
    stripePaymentIntentId: text("stripe_payment_intent_id"),
    stripeRefundId: text("stripe_refund_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    refundedAt: timestamp("refunded_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("orders_user_idx").on(t.userId),
    index("orders_show_idx").on(t.showId),
    index("orders_email_idx").on(t.email),
    uniqueIndex("orders_reference_unique").on(t.reference),
    // One open checkout per customer (holder) and show: two Continues at once cannot both open a
    // Checkout Session that could be paid.
    uniqueIndex("orders_one_pending_per_holder").on(t.showId, t.holderId).where(sql`${t.status} = 'pending'`),
    check("orders_total_nonnegative", sql`${t.totalAmount} >= 0`),
    // Money taken at the counter never goes through Stripe, and online money never skips it.
    check("orders_channel_payment", sql`(${t.channel} = 'online') = (${t.paymentMethod} = 'online')`),
    index("orders_channel_paid_idx").on(t.channel, t.paidAt),
  ],
);

// Seats of an order with the price snapshotted when checkout started.
export const orderSeats = pgTable(
  "order_seats",
  {
    orderId: text("order_id").notNull().references(() => orders.id, { onDelete: "cascade" }),
    seatId: text("seat_id").notNull().references(() => seats.id),
    rowLabel: text("row_label").notNull(),
    seatNumber: integer("seat_number").notNull(),
    tier: text("tier").notNull(),
    // THE all-in amount charged for this seat: price + fee + added tax − discount.
    amount: integer("amount").notNull(),
    // The breakdown (issue 18), snapshotted at checkout.
    ticketTypeId: text("ticket_type_id").references(() => ticketTypes.id),
    ticketTypeName: text("ticket_type_name").notNull().default("Adult"),
    price: integer("price").notNull().default(0),
    fee: integer("fee").notNull().default(0),
    // Tax of this line: inside price + fee when the order's tax_included, else added on top.
    tax: integer("tax").notNull().default(0),
    discount: integer("discount").notNull().default(0),
    // Set when this line alone was cancelled and refunded (issue 21); the order goes on without it.
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.seatId] }), check("order_seats_amount_nonnegative", sql`${t.amount} >= 0`)],
);

export const tickets = pgTable(
  "tickets",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    orderId: text("order_id").notNull().references(() => orders.id),
    showId: text("show_id").notNull().references(() => shows.id),
    seatId: text("seat_id").notNull().references(() => seats.id),
    status: ticketStatus("status").notNull().default("valid"),
    admittedAt: timestamp("admitted_at", { withTimezone: true }),
    admittedBy: text("admitted_by"),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The final guard against double booking: one live ticket per seat per show.
    uniqueIndex("tickets_live_seat_unique").on(t.showId, t.seatId).where(sql`${t.status} <> 'voided'`),
    index("tickets_order_idx").on(t.orderId),
  ],
);

export const promoRedemptionStatus = pgEnum("promo_redemption_status", ["held", "used", "released"]);

// One use of a promo code by one order: held at checkout (counted in promo_codes.redemptions),
// used when paid, released (and the count given back) when the checkout ends unpaid or is refunded.
export const promoRedemptions = pgTable(
  "promo_redemptions",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    promoCodeId: text("promo_code_id").notNull().references(() => promoCodes.id),
    orderId: text("order_id").notNull().unique().references(() => orders.id, { onDelete: "cascade" }),
    userId: text("user_id"),
    email: text("email").notNull(),
    status: promoRedemptionStatus("status").notNull().default("held"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("promo_redemptions_code_email_idx").on(t.promoCodeId, t.email)],
);

// Seats the house keeps off sale for one show (guests, press, a broken seat): shown unavailable to
// customers and refused by every hold, checkout and box office sale until staff release them.
export const houseSeats = pgTable(
  "house_seats",
  {
    showId: text("show_id").notNull().references(() => shows.id),
    seatId: text("seat_id").notNull().references(() => seats.id),
    reservedBy: text("reserved_by").references(() => users.id),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.showId, t.seatId] })],
);

export const adjustmentKind = pgEnum("order_adjustment_kind", ["swap", "partial_cancel"]);
export const adjustmentStatus = pgEnum("order_adjustment_status", ["pending", "completed", "failed", "expired", "cancelled"]);

// The money breakdown (issue 18) rides along, so a swapped booking keeps its ticket types and the
// new lines are what the price engine said; rows written before it have only `amount`.
export type AdjustmentLine = {
  seatId: string;
  rowLabel: string;
  seatNumber: number;
  tier: string;
  amount: number;
  ticketTypeId?: string | null;
  ticketTypeName?: string;
  price?: number;
  fee?: number;
  tax?: number;
  discount?: number;
};

// A change to a paid order after the fact (issue 21): a swap to another show, or some seats
// cancelled. The order keeps its id and stays `paid`; this row is the timeline entry, the money
// moved (`difference` > 0 paid by the customer, < 0 refunded) and the lines before and after.
export const orderAdjustments = pgTable(
  "order_adjustments",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    orderId: text("order_id").notNull().references(() => orders.id),
    kind: adjustmentKind("kind").notNull(),
    status: adjustmentStatus("status").notNull().default("pending"),
    fromShowId: text("from_show_id").notNull().references(() => shows.id),
    toShowId: text("to_show_id").notNull().references(() => shows.id),
    // The seat-lock holder that holds the new seats of a swap until it completes.
    holderId: text("holder_id"),
    oldLines: jsonb("old_lines").$type<AdjustmentLine[]>().notNull(),
    newLines: jsonb("new_lines").$type<AdjustmentLine[]>().notNull(),
    difference: integer("difference").notNull(),
    // Why a swap failed: "seat_conflict", "order_changed", "show_cancelled".
    failReason: text("fail_reason"),
    stripeSessionId: text("stripe_session_id").unique(),
    stripePaymentIntentId: text("stripe_payment_intent_id"),
    stripeRefundId: text("stripe_refund_id"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("order_adjustments_order_idx").on(t.orderId),
    // One swap in progress per order: a double click or a second tab finds the first.
    uniqueIndex("order_adjustments_one_pending").on(t.orderId).where(sql`${t.status} = 'pending'`),
  ],
);

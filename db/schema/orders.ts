import { check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { shows } from "./catalog";
import { seats } from "./venue";

export const orderStatus = pgEnum("order_status", ["pending", "paid", "expired", "cancelled", "refunded"]);
export const ticketStatus = pgEnum("ticket_status", ["valid", "admitted", "voided"]);

export const orders = pgTable(
  "orders",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id").references(() => users.id),
    showId: text("show_id").notNull().references(() => shows.id),
    // The seat-lock holder id that owned the seats when checkout started.
    holderId: text("holder_id").notNull(),
    email: text("email").notNull(),
    status: orderStatus("status").notNull().default("pending"),
    // Why a paid order was refunded: "seat_conflict", "customer_cancelled", "show_cancelled", "admin".
    refundReason: text("refund_reason"),
    totalAmount: integer("total_amount").notNull(),
    currency: text("currency").notNull(),
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
    // One open checkout per customer (holder) and show: two Continues at once cannot both open a
    // Checkout Session that could be paid.
    uniqueIndex("orders_one_pending_per_holder").on(t.showId, t.holderId).where(sql`${t.status} = 'pending'`),
    check("orders_total_nonnegative", sql`${t.totalAmount} >= 0`),
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
    amount: integer("amount").notNull(),
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

export const adjustmentKind = pgEnum("order_adjustment_kind", ["swap", "partial_cancel"]);
export const adjustmentStatus = pgEnum("order_adjustment_status", ["pending", "completed", "failed", "expired", "cancelled"]);

export type AdjustmentLine = { seatId: string; rowLabel: string; seatNumber: number; tier: string; amount: number };

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

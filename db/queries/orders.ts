import "server-only";
import { and, asc, count, eq, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { emailOutbox, orderSeats, orders, tickets } from "../schema";
import { selectOrdersWithShow } from "./orders-with-show";
import { inSeatOrder } from "./seat-order";

// Reads of the order lifecycle, each scoped by the id that selects it. Writes that move an order
// live in lib/booking (they own their transactions).

export type OrderRow = typeof orders.$inferSelect;

/** How many orders are in each status; a status no order is in is missing. */
export async function orderCountsByStatus(db: Db): Promise<Map<OrderRow["status"], number>> {
  const rows = await db.select({ status: orders.status, n: count() }).from(orders).groupBy(orders.status);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export async function orderById(db: Db, orderId: string): Promise<OrderRow | null> {
  const [row] = await db.select().from(orders).where(eq(orders.id, orderId)).limit(1);
  return row ?? null;
}

/** The order behind a Checkout Session (the provider's facts name the session). */
export async function orderBySession(db: Db, sessionId: string): Promise<OrderRow | null> {
  const [row] = await db.select().from(orders).where(eq(orders.stripeSessionId, sessionId)).limit(1);
  return row ?? null;
}

/** The order if this holder (the browser that started it) started it; otherwise null. */
export async function orderForHolder(db: Db, holderId: string, orderId: string): Promise<OrderRow | null> {
  const [row] = await db.select().from(orders).where(and(eq(orders.id, orderId), eq(orders.holderId, holderId))).limit(1);
  return row ?? null;
}

/** The customer's open checkout for a show (at most one: a unique index). */
export async function pendingOrderOfHolder(db: Db, showId: string, holderId: string): Promise<OrderRow | null> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.showId, showId), eq(orders.holderId, holderId), eq(orders.status, "pending")))
    .limit(1);
  return row ?? null;
}

export function ordersOfShow(db: Db, showId: string, status: OrderRow["status"]): Promise<OrderRow[]> {
  return db.select().from(orders).where(and(eq(orders.showId, showId), eq(orders.status, status))).orderBy(asc(orders.createdAt));
}

export async function seatIdsOfOrder(db: Db, orderId: string): Promise<string[]> {
  const rows = await db.select({ seatId: orderSeats.seatId }).from(orderSeats).where(eq(orderSeats.orderId, orderId));
  return rows.map((r) => r.seatId);
}

/** An order with everything a page, an email or a ticket shows about it. */
export async function orderDetail(db: Db, orderId: string) {
  const [row] = await selectOrdersWithShow(db).where(eq(orders.id, orderId)).limit(1);
  if (!row) return null;
  const [seatRows, ticketRows] = await Promise.all([
    db.select().from(orderSeats).where(and(eq(orderSeats.orderId, orderId), isNull(orderSeats.cancelledAt))).orderBy(...inSeatOrder()),
    db.select().from(tickets).where(eq(tickets.orderId, orderId)),
  ]);
  return { ...row, seats: seatRows, tickets: ticketRows };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof orderDetail>>>;

// Reconciliation's scans, oldest first.

/** Pending orders whose checkout window has passed: paid late, or expired at the provider. */
export function stalePendingOrders(db: Db, now: Date, limit: number) {
  return db
    .select({ id: orders.id, sessionId: orders.stripeSessionId })
    .from(orders)
    .where(and(eq(orders.status, "pending"), isNotNull(orders.stripeSessionId), lt(orders.expiresAt, now)))
    .orderBy(asc(orders.expiresAt))
    .limit(limit);
}

/** Orders marked refunded whose provider refund has not been made yet. */
export function refundsNotMade(db: Db, limit: number) {
  return db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, "refunded"), isNull(orders.stripeRefundId), isNotNull(orders.stripePaymentIntentId)))
    .orderBy(asc(orders.paidAt))
    .limit(limit);
}

/** Paid orders whose confirmation was never queued (a crash between commit and queueing). */
export function paidOrdersWithoutConfirmation(db: Db, limit: number) {
  return db
    .select({ id: orders.id })
    .from(orders)
    .leftJoin(emailOutbox, eq(emailOutbox.dedupeKey, sql`'booking-confirmed:' || ${orders.id}`))
    // A box office order without an address has no confirmation to send.
    .where(and(eq(orders.status, "paid"), isNull(emailOutbox.id), ne(orders.email, "")))
    .orderBy(asc(orders.paidAt))
    .limit(limit);
}

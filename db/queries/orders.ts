import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { orderSeats, orders } from "../schema";

// Reads of the order lifecycle, each scoped by the id that selects it. Writes that move an order
// live in lib/booking (they own their transactions).

export type OrderRow = typeof orders.$inferSelect;

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

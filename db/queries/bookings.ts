import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { orderSeats, orders, shows } from "../schema";
import { selectOrdersWithShow } from "./orders-with-show";

/** A customer's orders that got as far as payment, newest show first, with their seats. */
export async function bookingsOfUser(db: Db, userId: string) {
  const rows = await selectOrdersWithShow(db)
    .where(and(eq(orders.userId, userId), inArray(orders.status, ["paid", "refunded"])))
    .orderBy(desc(shows.startsAt));
  const seatRows = rows.length
    ? await db.select().from(orderSeats).where(inArray(orderSeats.orderId, rows.map((r) => r.order.id)))
    : [];
  return rows.map((r) => ({ ...r, seats: seatRows.filter((s) => s.orderId === r.order.id) }));
}

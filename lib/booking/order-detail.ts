import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderSeats, orders, tickets } from "@/db/schema";
import { selectOrdersWithShow } from "@/db/queries/orders-with-show";
import { inSeatOrder } from "@/db/queries/seat-order";

/** An order with everything a page, an email or a ticket shows about it. */
export async function orderDetail(db: Db, orderId: string) {
  const [row] = await selectOrdersWithShow(db).where(eq(orders.id, orderId)).limit(1);
  if (!row) return null;
  const [seatRows, ticketRows] = await Promise.all([
    db.select().from(orderSeats).where(eq(orderSeats.orderId, orderId)).orderBy(...inSeatOrder()),
    db.select().from(tickets).where(eq(tickets.orderId, orderId)),
  ]);
  return { ...row, seats: seatRows, tickets: ticketRows };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof orderDetail>>>;

import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { orderSeats, orders, users } from "../schema";
import { emailsOfOrder, ticketsOfOrder } from "./admin-bookings";
import { selectOrdersWithShow } from "./orders-with-show";
import { inSeatOrder } from "./seat-order";

/** Everything the box office sees about one order, or null when there is no such order. */
export async function bookingForAdmin(db: Db, orderId: string) {
  const [row] = await selectOrdersWithShow(db).where(eq(orders.id, orderId)).limit(1);
  if (!row) return null;
  const [seatRows, ticketRows, emails, customer] = await Promise.all([
    // Seats the customer cancelled (issue 21) are on the timeline, not in the booking.
    db.select().from(orderSeats).where(and(eq(orderSeats.orderId, orderId), isNull(orderSeats.cancelledAt))).orderBy(...inSeatOrder()),
    ticketsOfOrder(db, orderId),
    emailsOfOrder(db, orderId),
    row.order.userId
      ? db.select({ id: users.id, name: users.name, email: users.email, role: users.role }).from(users).where(eq(users.id, row.order.userId)).then((r) => r[0] ?? null)
      : Promise.resolve(null),
  ]);
  return { ...row, seats: seatRows, tickets: ticketRows, emails, customer };
}

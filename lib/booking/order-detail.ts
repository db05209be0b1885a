import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { movies, orderSeats, orders, screens, shows, theaters, tickets } from "@/db/schema";

/** An order with everything a page, an email or a ticket shows about it. */
export async function orderDetail(db: Db, orderId: string) {
  const [row] = await db
    .select({ order: orders, show: shows, movie: movies, screen: screens, theater: theaters })
    .from(orders)
    .innerJoin(shows, eq(shows.id, orders.showId))
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .innerJoin(theaters, eq(theaters.id, screens.theaterId))
    .where(eq(orders.id, orderId))
    .limit(1);
  if (!row) return null;
  const [seatRows, ticketRows] = await Promise.all([
    db.select().from(orderSeats).where(eq(orderSeats.orderId, orderId)).orderBy(asc(orderSeats.rowLabel), asc(orderSeats.seatNumber)),
    db.select().from(tickets).where(eq(tickets.orderId, orderId)),
  ]);
  return { ...row, seats: seatRows, tickets: ticketRows };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof orderDetail>>>;

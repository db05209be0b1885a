import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { movies, orderSeats, orders, screens, shows, theaters } from "../schema";

/** A customer's orders that got as far as payment, newest show first, with their seats. */
export async function bookingsOfUser(userId: string) {
  const db = await getDb();
  const rows = await db
    .select({ order: orders, show: shows, movie: movies, screen: screens, theater: theaters })
    .from(orders)
    .innerJoin(shows, eq(shows.id, orders.showId))
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .innerJoin(theaters, eq(theaters.id, screens.theaterId))
    .where(and(eq(orders.userId, userId), inArray(orders.status, ["paid", "refunded"])))
    .orderBy(desc(shows.startsAt));
  const seatRows = rows.length
    ? await db.select().from(orderSeats).where(inArray(orderSeats.orderId, rows.map((r) => r.order.id)))
    : [];
  return rows.map((r) => ({ ...r, seats: seatRows.filter((s) => s.orderId === r.order.id) }));
}

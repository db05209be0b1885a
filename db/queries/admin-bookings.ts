import "server-only";
import { and, asc, desc, eq, exists, ilike, inArray, like, or, sql, type SQL } from "drizzle-orm";
import { isOrderReference } from "@/lib/admin/order-reference";
import { parseBookingReference } from "@/lib/booking-reference";
import type { Db } from "../client";
import { emailOutbox, orderSeats, orders, screens, tickets, users } from "../schema";
import { selectOrdersWithShow } from "./orders-with-show";
import { inSeatOrder } from "./seat-order";

export type BookingSearch = { q?: string; showId?: string; status?: (typeof orders.$inferSelect)["status"]; page: number };

export const BOOKINGS_PER_PAGE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** LIKE treats % and _ as wildcards; a typed email is matched literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Orders matching a box-office search: a full order id finds that order; a booking reference
 * ("K7QF-2M9P", any case, with or without the dash) finds its order; the id's first 8 hex
 * characters (the reference admin pages printed before there were booking references) find
 * orders starting with it; anything is also matched against the customer's email and account
 * name (any part of either). Narrowed by show, status and theater.
 */
export async function searchBookings(db: Db, search: BookingSearch, theaterId?: string) {
  const q = search.q?.trim() ?? "";
  const where: (SQL | undefined)[] = [];
  if (q) where.push(UUID.test(q) ? eq(orders.id, q.toLowerCase()) : matchesCustomerOrReference(db, q));
  if (search.showId) where.push(eq(orders.showId, search.showId));
  if (search.status) where.push(eq(orders.status, search.status));
  if (theaterId) where.push(eq(screens.theaterId, theaterId));
  const rows = await selectOrdersWithShow(db)
    .where(and(...where))
    .orderBy(desc(orders.createdAt))
    .limit(BOOKINGS_PER_PAGE + 1)
    .offset((search.page - 1) * BOOKINGS_PER_PAGE);
  const seatCounts = rows.length
    ? await db
        .select({ orderId: orderSeats.orderId, n: sql<number>`count(*)::int` })
        .from(orderSeats)
        .where(inArray(orderSeats.orderId, rows.map((r) => r.order.id)))
        .groupBy(orderSeats.orderId)
    : [];
  const seatsOf = new Map(seatCounts.map((c) => [c.orderId, c.n]));
  return {
    rows: rows.slice(0, BOOKINGS_PER_PAGE).map((r) => ({ ...r, seatCount: seatsOf.get(r.order.id) ?? 0 })),
    hasMore: rows.length > BOOKINGS_PER_PAGE,
  };
}

/** An order whose reference is `q`, or whose email or customer's name contains it. */
export function matchesCustomerOrReference(db: Db, q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  const byName = exists(
    db
      .select({ one: sql`1` })
      .from(users)
      .where(and(eq(users.id, orders.userId), ilike(users.name, pattern))),
  );
  const reference = parseBookingReference(q);
  return or(
    ilike(orders.email, pattern),
    byName,
    reference ? eq(orders.reference, reference) : undefined,
    isOrderReference(q) ? like(orders.id, `${q.toLowerCase()}%`) : undefined,
  )!;
}

/** Emails about an order: their dedupe keys carry the order id ("booking-confirmed:<id>"). */
export function emailsOfOrder(db: Db, orderId: string) {
  return db
    .select()
    .from(emailOutbox)
    .where(like(emailOutbox.dedupeKey, `%${escapeLike(orderId)}%`))
    .orderBy(asc(emailOutbox.createdAt));
}

/** Tickets of an order with the seat label printed on them. */
export function ticketsOfOrder(db: Db, orderId: string) {
  return db
    .select({ ticket: tickets, rowLabel: orderSeats.rowLabel, seatNumber: orderSeats.seatNumber })
    .from(tickets)
    .innerJoin(orderSeats, and(eq(orderSeats.orderId, tickets.orderId), eq(orderSeats.seatId, tickets.seatId)))
    .where(eq(tickets.orderId, orderId))
    .orderBy(...inSeatOrder());
}

import "server-only";
import { and, eq, gte, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { movies, orderSeats, orders, shows, tickets } from "../schema";

/** Orders still paid (refunds are not revenue), paid since `from`, with their movie and sales channel. */
export function paidOrdersSince(db: Db, from: Date) {
  return db
    .select({ paidAt: orders.paidAt, amount: orders.totalAmount, currency: orders.currency, channel: orders.channel, movieId: movies.id, title: movies.title })
    .from(orders)
    .innerJoin(shows, eq(shows.id, orders.showId))
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .where(and(eq(orders.status, "paid"), gte(orders.paidAt, from)));
}

/** Per show that started in [from, to): live tickets and how many were admitted at the door. */
export function doorCountsBetween(db: Db, from: Date, to: Date) {
  return db
    .select({
      startsAt: shows.startsAt,
      sold: sql<number>`count(*)::int`,
      admitted: sql<number>`count(*) filter (where ${tickets.status} = 'admitted')::int`,
    })
    .from(tickets)
    .innerJoin(shows, eq(shows.id, tickets.showId))
    .where(and(gte(shows.startsAt, from), lt(shows.startsAt, to), ne(tickets.status, "voided")))
    .groupBy(shows.id, shows.startsAt);
}

/**
 * Seat lines of orders still paid, paid since `from`, summed per ticket type name (the name the
 * line was sold under, so a type renamed or retired later still reports as it was sold).
 */
export function paidLinesByTicketTypeSince(db: Db, from: Date) {
  return db
    .select({
      ticketType: orderSeats.ticketTypeName,
      tickets: sql<number>`count(*)::int`,
      gross: sql<number>`coalesce(sum(${orderSeats.amount}), 0)::int`,
      tax: sql<number>`coalesce(sum(${orderSeats.tax}), 0)::int`,
      fees: sql<number>`coalesce(sum(${orderSeats.fee}), 0)::int`,
      discount: sql<number>`coalesce(sum(${orderSeats.discount}), 0)::int`,
    })
    .from(orderSeats)
    .innerJoin(orders, eq(orders.id, orderSeats.orderId))
    .where(and(eq(orders.status, "paid"), gte(orders.paidAt, from)))
    .groupBy(orderSeats.ticketTypeName);
}

/**
 * The per-order booking fees of orders still paid, paid since `from`: charged (gross, its tax in
 * it), its tax, and the fee as listed (without an added tax, as a seat line's fee is).
 */
export async function paidOrderFeesSince(db: Db, from: Date) {
  const [row] = await db
    .select({
      gross: sql<number>`coalesce(sum(${orders.orderFee}), 0)::int`,
      tax: sql<number>`coalesce(sum(${orders.orderFeeTax}), 0)::int`,
      fees: sql<number>`coalesce(sum(case when ${orders.taxIncluded} then ${orders.orderFee} else ${orders.orderFee} - ${orders.orderFeeTax} end), 0)::int`,
    })
    .from(orders)
    .where(and(eq(orders.status, "paid"), gte(orders.paidAt, from)));
  return row;
}

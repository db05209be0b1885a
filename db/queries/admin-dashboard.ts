import "server-only";
import { and, eq, gte, lt, ne, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { movies, orderSeats, orders, screens, seats, shows, tickets } from "../schema";

/**
 * A report's period at one theater, by that theater's own calendar: [from, to) (issue 19). A
 * report over several theaters passes one window each, so every theater counts its own days,
 * and a theater that is not in the list (outside a site manager's scope) is not counted at all.
 */
export type TheaterWindow = { theaterId: string; from: Date; to: Date };

function inWindows(windows: readonly TheaterWindow[], instant: AnyColumn): SQL {
  if (windows.length === 0) return sql`false`;
  return or(...windows.map((w) => and(eq(screens.theaterId, w.theaterId), gte(instant, w.from), lt(instant, w.to))))!;
}

/** Orders still paid (refunds are not revenue), paid in the windows, with their movie, channel and theater. */
export function paidOrdersIn(db: Db, windows: readonly TheaterWindow[]) {
  return db
    .select({ paidAt: orders.paidAt, amount: orders.totalAmount, currency: orders.currency, channel: orders.channel, movieId: movies.id, title: movies.title, theaterId: screens.theaterId })
    .from(orders)
    .innerJoin(shows, eq(shows.id, orders.showId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .where(and(eq(orders.status, "paid"), inWindows(windows, orders.paidAt)));
}

/** Per show that started in the windows: its theater, live tickets, how many were admitted, and its seats in use. */
export function doorCountsIn(db: Db, windows: readonly TheaterWindow[]) {
  return db
    .select({
      theaterId: screens.theaterId,
      startsAt: shows.startsAt,
      sold: sql<number>`(select count(*)::int from ${tickets} where ${tickets.showId} = ${shows.id} and ${tickets.status} <> 'voided')`,
      admitted: sql<number>`(select count(*)::int from ${tickets} where ${tickets.showId} = ${shows.id} and ${tickets.status} = 'admitted')`,
      capacity: sql<number>`(select count(*)::int from ${seats} where ${seats.screenId} = ${shows.screenId} and ${seats.active})`,
    })
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(ne(shows.status, "cancelled"), inWindows(windows, shows.startsAt)));
}

/**
 * Seat lines of orders still paid, paid in the windows, summed per ticket type name (the name the
 * line was sold under, so a type renamed or retired later still reports as it was sold).
 */
export function paidLinesByTicketTypeIn(db: Db, windows: readonly TheaterWindow[]) {
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
    .innerJoin(shows, eq(shows.id, orders.showId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(eq(orders.status, "paid"), inWindows(windows, orders.paidAt)))
    .groupBy(orderSeats.ticketTypeName);
}

/**
 * The per-order booking fees of orders still paid, paid in the windows: charged (gross, its tax
 * in it), its tax, and the fee as listed (without an added tax, as a seat line's fee is).
 */
export async function paidOrderFeesIn(db: Db, windows: readonly TheaterWindow[]) {
  const [row] = await db
    .select({
      gross: sql<number>`coalesce(sum(${orders.orderFee}), 0)::int`,
      tax: sql<number>`coalesce(sum(${orders.orderFeeTax}), 0)::int`,
      fees: sql<number>`coalesce(sum(case when ${orders.taxIncluded} then ${orders.orderFee} else ${orders.orderFee} - ${orders.orderFeeTax} end), 0)::int`,
    })
    .from(orders)
    .innerJoin(shows, eq(shows.id, orders.showId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(eq(orders.status, "paid"), inWindows(windows, orders.paidAt)));
  return row;
}

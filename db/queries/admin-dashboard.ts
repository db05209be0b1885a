import "server-only";
import { and, eq, gte, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { movies, orders, shows, tickets } from "../schema";

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

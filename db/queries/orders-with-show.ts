import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { movies, orders, screens, shows, theaters } from "../schema";

/** Orders joined to what they are for (show, movie, screen, theater); callers add where/order. */
export function selectOrdersWithShow(db: Db) {
  return db
    .select({ order: orders, show: shows, movie: movies, screen: screens, theater: theaters })
    .from(orders)
    .innerJoin(shows, eq(shows.id, orders.showId))
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .innerJoin(theaters, eq(theaters.id, screens.theaterId));
}

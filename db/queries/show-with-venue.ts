import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { movies, screens, shows, theaters } from "../schema";

/** One show with its movie, screen and theater: every page that shows a show says where it plays. */
export async function showWithVenue(db: Db, showId: string) {
  const [row] = await db
    .select({ show: shows, movie: movies, screen: screens, theater: theaters })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .innerJoin(theaters, eq(theaters.id, screens.theaterId))
    .where(eq(shows.id, showId))
    .limit(1);
  return row ?? null;
}

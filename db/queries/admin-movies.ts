import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { movies, shows } from "../schema";

export type MovieStatusFilter = "active" | "archived" | "all";

/** Movies for the admin list, with how many scheduled shows each still has ahead. */
export function moviesForAdmin(db: Db, status: MovieStatusFilter, now = new Date()) {
  const upcoming = sql<number>`(select count(*)::int from ${shows} where ${shows.movieId} = ${movies.id} and ${shows.status} = 'scheduled' and ${shows.startsAt} >= ${now})`;
  return db
    .select({ movie: movies, upcomingShows: upcoming })
    .from(movies)
    .where(status === "all" ? undefined : eq(movies.status, status))
    .orderBy(asc(movies.title));
}

export async function movieForAdmin(db: Db, id: string) {
  const [movie] = await db.select().from(movies).where(eq(movies.id, id));
  return movie ?? null;
}

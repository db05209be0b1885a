import "server-only";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { movies, shows } from "../schema";

export type MovieStatusFilter = "active" | "archived" | "all";

/** Movies for the admin list, with how many scheduled shows each still has ahead. */
export function moviesForAdmin(db: Db, status: MovieStatusFilter, now = new Date()) {
  // gte() encodes the Date through the column's type; a bare Date in sql`` would not be.
  const upcoming = sql<number>`(select count(*)::int from ${shows} where ${and(eq(shows.movieId, movies.id), eq(shows.status, "scheduled"), gte(shows.startsAt, now))})`;
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

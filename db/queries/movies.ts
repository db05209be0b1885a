import "server-only";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
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

type MovieValues = Pick<typeof movies.$inferInsert, "title" | "slug" | "synopsis" | "runtimeMinutes" | "rating" | "genres">;

export async function insertMovie(tx: Tx, values: MovieValues): Promise<{ id: string; slug: string }> {
  const [movie] = await tx.insert(movies).values(values).returning({ id: movies.id, slug: movies.slug });
  return movie;
}

/** The movie as it is before an edit, locked until the transaction ends. */
export async function lockMovie(tx: Tx, movieId: string) {
  const [movie] = await tx.select().from(movies).where(eq(movies.id, movieId)).for("update");
  return movie ?? null;
}

export async function updateMovieFields(tx: Tx, movieId: string, values: MovieValues) {
  await tx.update(movies).set(values).where(eq(movies.id, movieId));
}

/** Archives or restores a movie; null when there is no such movie. */
export async function setMovieStatus(tx: Tx, movieId: string, status: "active" | "archived") {
  const [movie] = await tx.update(movies).set({ status }).where(eq(movies.id, movieId)).returning({ title: movies.title });
  return movie ?? null;
}

export async function setMoviePoster(tx: Tx, movieId: string, posterUrl: string) {
  await tx.update(movies).set({ posterUrl }).where(eq(movies.id, movieId));
}

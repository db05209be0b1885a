import "server-only";
import { cache } from "react";
import { and, asc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { showWithVenue } from "./show-with-venue";
import { activeSeatsOfScreen } from "./venue";
import { movies, screens, shows } from "../schema";
import { localDays } from "@/lib/time";

// What customers browse: active movies and their scheduled shows, on the site and in /api/v1.

export type ShowListing = { id: string; startsAt: Date; screenName: string; format: string; status: "scheduled" | "cancelled" };

/** Movies with their remaining shows on one local date, in start order. */
export async function nowShowing(db: Db, date: string, timeZone: string, now = new Date()) {
  const { from, to } = localDays(date, timeZone);
  const start = from > now ? from : now;
  const rows = await db
    .select({ show: shows, movie: movies, screen: { name: screens.name, format: screens.format } })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(gte(shows.startsAt, start), lt(shows.startsAt, to), eq(shows.status, "scheduled"), eq(movies.status, "active")))
    .orderBy(asc(movies.title), asc(shows.startsAt));
  const byMovie = new Map<string, { movie: typeof movies.$inferSelect; shows: ShowListing[] }>();
  for (const r of rows) {
    const entry = byMovie.get(r.movie.id) ?? { movie: r.movie, shows: [] };
    entry.shows.push({ id: r.show.id, startsAt: r.show.startsAt, screenName: r.screen.name, format: r.screen.format, status: r.show.status });
    byMovie.set(r.movie.id, entry);
  }
  return [...byMovie.values()];
}

export const movieBySlug = cache(async (db: Db, slug: string) => {
  const [movie] = await db.select().from(movies).where(eq(movies.slug, slug)).limit(1);
  return movie ?? null;
});

/** A movie's shows from now on, for its page. */
export async function upcomingShowsOfMovie(db: Db, movieId: string, now = new Date()): Promise<ShowListing[]> {
  const rows = await db
    .select({ id: shows.id, startsAt: shows.startsAt, status: shows.status, screenName: screens.name, format: screens.format })
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(eq(shows.movieId, movieId), gte(shows.startsAt, now), eq(shows.status, "scheduled")))
    .orderBy(asc(shows.startsAt));
  return rows;
}

/** Everything a showtime page shows: the show, its movie, screen, theater and the screen's seats.
 * Cached per request (React cache), so the page and its metadata read it once; movieBySlug too. */
export const showWithSeats = cache(async (db: Db, showId: string) => {
  const row = await showWithVenue(db, showId);
  if (!row) return null;
  return { ...row, seats: await activeSeatsOfScreen(db, row.screen.id) };
});

/** Active movies by title. */
export function activeMovies(db: Db) {
  return db.select().from(movies).where(eq(movies.status, "active")).orderBy(asc(movies.title));
}

/** Scheduled shows of active movies that have not started, optionally of one movie and within [from, to), in start order. */
export function upcomingShows(db: Db, filter: { movieId?: string; from?: Date; to?: Date }, now = new Date()) {
  const conditions: SQL[] = [eq(shows.status, "scheduled"), eq(movies.status, "active"), gte(shows.startsAt, now)];
  if (filter.movieId) conditions.push(eq(shows.movieId, filter.movieId));
  if (filter.from) conditions.push(gte(shows.startsAt, filter.from));
  if (filter.to) conditions.push(lt(shows.startsAt, filter.to));
  return db
    .select({ show: shows, movieTitle: movies.title, screenName: screens.name, format: screens.format, tiers: screens.tiers, theaterId: screens.theaterId })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(...conditions))
    .orderBy(asc(shows.startsAt), asc(movies.title));
}

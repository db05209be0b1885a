import "server-only";
import { cache } from "react";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { showWithVenue } from "./show-with-venue";
import { movies, screens, seats, shows, theaters } from "../schema";
import { addDays, zonedToUtc } from "@/lib/time";

export type ShowListing = { id: string; startsAt: Date; screenName: string; format: string; status: "scheduled" | "cancelled" };

/** The theater customers browse. Marquee runs one theater per deployment for now. */
export async function getTheater() {
  const db = await getDb();
  const [theater] = await db.select().from(theaters).orderBy(asc(theaters.createdAt)).limit(1);
  return theater ?? null;
}

function dayBounds(date: string, timeZone: string) {
  return { from: zonedToUtc(date, "00:00", timeZone), to: zonedToUtc(addDays(date, 1), "00:00", timeZone) };
}

/** Movies with their remaining shows on one local date, in start order. */
export async function nowShowing(date: string, timeZone: string, now = new Date()) {
  const db = await getDb();
  const { from, to } = dayBounds(date, timeZone);
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

export const movieBySlug = cache(async (slug: string) => {
  const db = await getDb();
  const [movie] = await db.select().from(movies).where(eq(movies.slug, slug)).limit(1);
  return movie ?? null;
});

/** A movie's shows from now on, for its page. */
export async function upcomingShowsOfMovie(movieId: string, now = new Date()): Promise<ShowListing[]> {
  const db = await getDb();
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
export const showWithSeats = cache(async (showId: string) => {
  const db = await getDb();
  const row = await showWithVenue(db, showId);
  if (!row) return null;
  const seatRows = await db
    .select()
    .from(seats)
    .where(and(eq(seats.screenId, row.screen.id), eq(seats.active, true)))
    .orderBy(asc(seats.y), asc(seats.x));
  return { ...row, seats: seatRows };
});

export async function countShows() {
  const db = await getDb();
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(shows);
  return r.n;
}

import "server-only";
import { cache } from "react";
import { and, arrayContains, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { showWithVenue } from "./show-with-venue";
import { activeSeatsOfScreen } from "./venue";
import { houseSeats, movies, screens, seats, shows, tickets } from "../schema";
import { localDays } from "@/lib/time";
import { WHEELCHAIR_FREE } from "@/lib/show-tags";

// What customers browse: active movies and their scheduled shows, on the site and in /api/v1.

export type ShowListing = {
  id: string;
  startsAt: Date;
  screenName: string;
  format: string;
  status: "scheduled" | "cancelled";
  tags: string[];
  theaterId: string;
};

const listingColumns = {
  id: shows.id,
  startsAt: shows.startsAt,
  status: shows.status,
  tags: shows.tags,
  screenName: screens.name,
  format: screens.format,
  theaterId: screens.theaterId,
};

/**
 * The conditions a show meets to match the filter (lib/catalog/tag-filter.ts): every stored tag
 * asked for (one GIN-indexed `@>`), and for `wheelchair` a wheelchair space in use on its screen
 * that has no live ticket and is not kept by the house. Seats held in Redis for a few minutes
 * are not counted: a listing reads Postgres only, and a hold is not a sale.
 */
function matchesTags(wanted: readonly string[]): SQL[] {
  const stored = wanted.filter((id) => id !== WHEELCHAIR_FREE.id);
  const conditions: SQL[] = [];
  if (stored.length > 0) conditions.push(arrayContains(shows.tags, [...stored]));
  if (wanted.includes(WHEELCHAIR_FREE.id)) {
    conditions.push(sql`exists (
      select 1 from ${seats}
      where ${seats.screenId} = ${shows.screenId} and ${seats.kind} = 'wheelchair' and ${seats.active}
        and not exists (select 1 from ${tickets} where ${tickets.showId} = ${shows.id} and ${tickets.seatId} = ${seats.id} and ${tickets.status} <> 'voided')
        and not exists (select 1 from ${houseSeats} where ${houseSeats.showId} = ${shows.id} and ${houseSeats.seatId} = ${seats.id}))`);
  }
  return conditions;
}

/** One cinema's programme for one local date: movies with their remaining shows matching the tags, in start order. */
export async function programmeOf(
  db: Db,
  q: { theaterId: string; date: string; timeZone: string; tags?: readonly string[] },
  now = new Date(),
) {
  const { from, to } = localDays(q.date, q.timeZone);
  const start = from > now ? from : now;
  const rows = await db
    .select({ show: listingColumns, movie: movies })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(
      and(
        eq(screens.theaterId, q.theaterId),
        gte(shows.startsAt, start),
        lt(shows.startsAt, to),
        eq(shows.status, "scheduled"),
        eq(movies.status, "active"),
        ...matchesTags(q.tags ?? []),
      ),
    )
    .orderBy(asc(movies.title), asc(shows.startsAt));
  const byMovie = new Map<string, { movie: typeof movies.$inferSelect; shows: ShowListing[] }>();
  for (const r of rows) {
    const entry = byMovie.get(r.movie.id) ?? { movie: r.movie, shows: [] };
    entry.shows.push(r.show);
    byMovie.set(r.movie.id, entry);
  }
  return [...byMovie.values()];
}

/** A movie's shows from now on at every cinema (matching the tags), for its page; the page puts the chosen cinema first. */
export async function showtimesOfMovie(db: Db, movieId: string, tags: readonly string[] = [], now = new Date()): Promise<ShowListing[]> {
  return db
    .select(listingColumns)
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(eq(shows.movieId, movieId), gte(shows.startsAt, now), eq(shows.status, "scheduled"), ...matchesTags(tags)))
    .orderBy(asc(shows.startsAt));
}

/** The stored tags of the shows still to come (at one cinema, of one movie): what a filter offers. */
export async function tagsOnSale(db: Db, where: { theaterId?: string; movieId?: string }, now = new Date()): Promise<string[]> {
  const conditions: SQL[] = [gte(shows.startsAt, now), eq(shows.status, "scheduled")];
  if (where.theaterId) conditions.push(eq(screens.theaterId, where.theaterId));
  if (where.movieId) conditions.push(eq(shows.movieId, where.movieId));
  const rows = await db
    .selectDistinct({ tag: sql<string>`unnest(${shows.tags})` })
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(...conditions));
  return rows.map((r) => r.tag);
}

export const movieBySlug = cache(async (db: Db, slug: string) => {
  const [movie] = await db.select().from(movies).where(eq(movies.slug, slug)).limit(1);
  return movie ?? null;
});

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

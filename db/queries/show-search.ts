import "server-only";
import { and, arrayContains, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { houseSeats, movies, screens, seats, shows, theaters, tickets } from "../schema";

// Finding upcoming shows by what a moviegoer asks for (issue 19): theater, movie, time span and
// tags, for /api/v1/shows. Tag semantics are lib/show-tags.ts's hasEveryTag: a show
// matches when it has every stored tag asked for; `wheelchair` is worked out from its seats.

/**
 * True when the show has a wheelchair space nobody has bought and the box office has not kept.
 * Holds are not counted: they last minutes, and the seat map shows them live.
 */
export const wheelchairSpaceFree = sql<boolean>`exists (
  select 1 from ${seats}
  where ${seats.screenId} = ${shows.screenId} and ${seats.active} and ${seats.kind} = 'wheelchair'
    and not exists (select 1 from ${tickets} where ${tickets.showId} = ${shows.id} and ${tickets.seatId} = ${seats.id} and ${tickets.status} <> 'voided')
    and not exists (select 1 from ${houseSeats} where ${houseSeats.showId} = ${shows.id} and ${houseSeats.seatId} = ${seats.id})
)`;

export type ShowSearch = { theaterId?: string; movieId?: string; from?: Date; to?: Date; tags?: readonly string[]; wheelchairFree?: boolean };

/** Scheduled shows of active movies that have not started, matching the search, in start order. */
export function searchUpcomingShows(db: Db, search: ShowSearch, now = new Date()) {
  const conditions: SQL[] = [eq(shows.status, "scheduled"), eq(movies.status, "active"), gte(shows.startsAt, now)];
  if (search.theaterId) conditions.push(eq(screens.theaterId, search.theaterId));
  if (search.movieId) conditions.push(eq(shows.movieId, search.movieId));
  if (search.from) conditions.push(gte(shows.startsAt, search.from));
  if (search.to) conditions.push(lt(shows.startsAt, search.to));
  if (search.tags?.length) conditions.push(arrayContains(shows.tags, [...search.tags]));
  if (search.wheelchairFree) conditions.push(wheelchairSpaceFree);
  return db
    .select({
      show: shows,
      movieTitle: movies.title,
      screenName: screens.name,
      format: screens.format,
      tiers: screens.tiers,
      theater: { id: theaters.id, slug: theaters.slug, name: theaters.name, timeZone: theaters.timeZone },
      wheelchairFree: wheelchairSpaceFree,
    })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .innerJoin(theaters, eq(theaters.id, screens.theaterId))
    .where(and(...conditions))
    .orderBy(asc(shows.startsAt), asc(movies.title), asc(theaters.name));
}

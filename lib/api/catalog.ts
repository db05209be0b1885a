import "server-only";
import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { movies, screens, shows, theaters } from "@/db/schema";
import { addDays, zonedToUtc } from "@/lib/time";
import type { z } from "zod";
import type { Movie, ShowList, ShowsQuery } from "./schemas";

// Read side of /api/v1: what the browse pages show, as JSON. Only what a customer could see on
// the site: active movies, scheduled shows that have not started.

export async function listMovies(db: Db): Promise<z.input<typeof Movie>[]> {
  const rows = await db.select().from(movies).where(eq(movies.status, "active")).orderBy(asc(movies.title));
  return rows.map((m) => ({
    id: m.id,
    slug: m.slug,
    title: m.title,
    synopsis: m.synopsis,
    runtimeMinutes: m.runtimeMinutes,
    rating: m.rating,
    genres: m.genres,
    posterUrl: m.posterUrl,
  }));
}

const wallClock = (instant: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
};

/** Upcoming shows, by movie and/or local date (in the theater's zone), in start order. */
export async function listShows(db: Db, query: z.output<typeof ShowsQuery>, now = new Date()): Promise<z.input<typeof ShowList> | null> {
  const [theater] = await db.select().from(theaters).orderBy(asc(theaters.createdAt)).limit(1);
  if (!theater) return null;
  const tz = theater.timeZone;
  const conditions = [eq(shows.status, "scheduled"), eq(movies.status, "active"), gte(shows.startsAt, now)];
  if (query.movieId) conditions.push(eq(shows.movieId, query.movieId));
  if (query.date) {
    conditions.push(gte(shows.startsAt, zonedToUtc(query.date, "00:00", tz)), lt(shows.startsAt, zonedToUtc(addDays(query.date, 1), "00:00", tz)));
  }
  const rows = await db
    .select({ show: shows, movieTitle: movies.title, screenName: screens.name, format: screens.format, tiers: screens.tiers })
    .from(shows)
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(...conditions))
    .orderBy(asc(shows.startsAt), asc(movies.title));
  return {
    theater: { name: theater.name, timeZone: tz },
    shows: rows.map((r) => {
      const local = wallClock(r.show.startsAt, tz);
      return {
        id: r.show.id,
        movieId: r.show.movieId,
        movieTitle: r.movieTitle,
        screenName: r.screenName,
        format: r.format,
        startsAt: r.show.startsAt.toISOString(),
        endsAt: r.show.endsAt.toISOString(),
        localDate: local.date,
        localTime: local.time,
        prices: r.tiers
          .filter((tier) => r.show.prices[tier] !== undefined)
          .map((tier) => ({ tier, price: { amount: r.show.prices[tier], currency: r.show.currency } })),
      };
    }),
  };
}

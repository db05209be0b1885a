import "server-only";
import type { Db } from "@/db/client";
import { activeMovies, upcomingShows } from "@/db/queries/catalog";
import { getTheater } from "@/db/queries/venue";
import { localDays } from "@/lib/time";
import type { z } from "zod";
import type { Movie, ShowList, ShowsQuery } from "./schemas";

// Read side of /api/v1: what the browse pages show, as JSON. Only what a customer could see on
// the site: active movies, scheduled shows that have not started.

export async function listMovies(db: Db): Promise<z.input<typeof Movie>[]> {
  const rows = await activeMovies(db);
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
  const theater = await getTheater(db);
  if (!theater) return null;
  const tz = theater.timeZone;
  const rows = await upcomingShows(db, { movieId: query.movieId, ...(query.date ? localDays(query.date, tz) : {}) }, now);
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

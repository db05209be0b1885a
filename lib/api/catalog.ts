import "server-only";
import type { Db } from "@/db/client";
import { activeMovies } from "@/db/queries/catalog";
import { searchUpcomingShows } from "@/db/queries/show-search";
import { theatersByName } from "@/db/queries/venue";
import { knownTags, WHEELCHAIR_FREE } from "@/lib/show-tags";
import { AppError } from "@/lib/errors";
import { localDays } from "@/lib/time";
import type { z } from "zod";
import type { Movie, ShowList, ShowsQuery, TheaterList } from "./schemas";

// Read side of /api/v1: what the browse pages show, as JSON. Only what a customer could see on
// the site: the chain's theaters, active movies, scheduled shows that have not started.

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

/**
 * A query string as ShowsQuery reads it: `tags` comma-separated, repeated, or both
 * (`tags=imax,audio-description`, `tags=imax&tags=audio-description`).
 */
export function showsQueryInput(params: URLSearchParams): Record<string, unknown> {
  const raw: Record<string, unknown> = Object.fromEntries(params);
  if (params.has("tags")) raw.tags = params.getAll("tags").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  return raw;
}

export async function listTheaters(db: Db): Promise<z.input<typeof TheaterList>> {
  const rows = await theatersByName(db);
  return { theaters: rows.map((t) => ({ id: t.id, slug: t.slug, name: t.name, address: t.address, timeZone: t.timeZone, currency: t.currency, idNotice: t.idNotice })) };
}

/**
 * Upcoming shows by theater, movie, local date and tags, in start order. A date is a calendar
 * day in each show's own theater's zone: the span searched covers that day in every zone asked
 * about, and each show is then kept only when its own local date is that day.
 */
export async function listShows(db: Db, query: z.output<typeof ShowsQuery>, now = new Date()): Promise<z.input<typeof ShowList> | null> {
  const all = await theatersByName(db);
  if (!all.length) return null;
  const theater = query.theaterId ? all.find((t) => t.id === query.theaterId) : undefined;
  if (query.theaterId && !theater) throw new AppError("not_found", "There is no theater with that id.");
  const zones = [...new Set((theater ? [theater] : all).map((t) => t.timeZone))];
  const days = query.date ? zones.map((zone) => localDays(query.date!, zone)) : [];
  const span = days.length ? { from: new Date(Math.min(...days.map((d) => +d.from))), to: new Date(Math.max(...days.map((d) => +d.to))) } : {};
  const tags = query.tags ?? [];
  const rows = await searchUpcomingShows(
    db,
    { theaterId: theater?.id, movieId: query.movieId, ...span, tags: tags.filter((t) => t !== WHEELCHAIR_FREE.id), wheelchairFree: tags.includes(WHEELCHAIR_FREE.id) },
    now,
  );
  const shows = rows
    .map((r) => ({ r, local: wallClock(r.show.startsAt, r.theater.timeZone) }))
    .filter(({ local }) => !query.date || local.date === query.date)
    .map(({ r, local }) => ({
      id: r.show.id,
      movieId: r.show.movieId,
      movieTitle: r.movieTitle,
      theater: r.theater,
      screenName: r.screenName,
      format: r.format,
      tags: knownTags(r.show.tags).map(({ id, group, label, short }) => ({ id, group, label, short })),
      wheelchairSpaceFree: Boolean(r.wheelchairFree),
      startsAt: r.show.startsAt.toISOString(),
      endsAt: r.show.endsAt.toISOString(),
      localDate: local.date,
      localTime: local.time,
      prices: r.tiers
        .filter((tier) => r.show.prices[tier] !== undefined)
        .map((tier) => ({ tier, price: { amount: r.show.prices[tier], currency: r.show.currency } })),
    }));
  return { theater: theater ? { id: theater.id, slug: theater.slug, name: theater.name, timeZone: theater.timeZone } : null, shows };
}

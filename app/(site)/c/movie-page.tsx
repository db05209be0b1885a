import Image from "next/image";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { movieBySlug, showtimesOfMovie, tagsOnSale, type ShowListing } from "@/db/queries/catalog";
import { listCinemas, type Cinema } from "@/db/queries/cinemas";
import { ShowtimeLinks } from "@/components/showtime-links";
import { TagFilter } from "@/components/cinema/tag-filter";
import { ZoneNote } from "@/components/cinema/zone-note";
import { listingHref, tagsFromSearch } from "@/lib/catalog/tag-filter";
import { formatDay, localDate } from "@/lib/time";
import type { ListingSearch } from "./programme-page";

/** Days of the other cinemas' times on a movie page; the rest is a link away (a phone scrolls less). */
const ALSO_SHOWING_DAYS = 2;

/**
 * A movie's page: its showtimes at the chosen cinema first, then "also showing at" the others,
 * each cinema's times in its own zone. `chosen` is the cinema the URL names (/c/<slug>/movies/…)
 * or, on the old /movies/<slug>, the remembered one; with none chosen every cinema is listed alike.
 */
export async function MoviePage({ slug, chosen, path, search }: { slug: string; chosen: Cinema | null; path: string; search: ListingSearch }) {
  const db = await getDb();
  const movie = await movieBySlug(db, slug);
  if (!movie) notFound();
  const tags = tagsFromSearch(search.tag);
  const [cinemas, shows, onSale] = await Promise.all([listCinemas(db), showtimesOfMovie(db, movie.id, tags), tagsOnSale(db, { movieId: movie.id })]);
  const others = cinemas.filter((c) => c.id !== chosen?.id && shows.some((s) => s.theaterId === c.id));

  return (
    <article className="space-y-6">
      <div className="flex flex-col gap-5 sm:flex-row">
        <Image src={movie.posterUrl ?? "/posters/placeholder.svg"} alt={`${movie.title} poster`} width={200} height={300} className="h-72 w-48 rounded-lg object-cover" unoptimized priority />
        <div className="space-y-3">
          <h1 className="text-3xl font-bold">{movie.title}</h1>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-zinc-200">
            <div className="flex gap-1">
              <dt className="text-zinc-400">Rated</dt>
              <dd>{movie.rating}</dd>
            </div>
            <div className="flex gap-1">
              <dt className="text-zinc-400">Runtime</dt>
              <dd>{movie.runtimeMinutes} min</dd>
            </div>
            <div className="flex gap-1">
              <dt className="text-zinc-400">Genre</dt>
              <dd>{movie.genres.join(", ")}</dd>
            </div>
          </dl>
          <p className="max-w-prose text-zinc-100">{movie.synopsis}</p>
        </div>
      </div>
      <TagFilter path={path} asked={tags} onSale={onSale} />
      {chosen && (
        <section aria-labelledby="showtimes" className="space-y-3">
          <h2 id="showtimes" className="text-xl font-semibold">
            Showtimes at {chosen.name}
          </h2>
          <CinemaShowtimes cinema={chosen} shows={shows} title={movie.title} dayHeading="h3" empty={tags.length > 0 ? "No upcoming shows match these filters here." : "No upcoming shows here."} />
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="elsewhere" className="space-y-4">
          <h2 id="elsewhere" className="text-xl font-semibold">
            {chosen ? "Also showing at" : "Showtimes"}
          </h2>
          {others.map((c) => (
            <section key={c.id} aria-labelledby={`at-${c.id}`} className="space-y-2">
              <h3 id={`at-${c.id}`} className="text-lg font-semibold">
                <Link href={listingHref(`/c/${c.slug}/movies/${movie.slug}`, { tags })} className="hover:underline">
                  {c.name}
                </Link>
              </h3>
              <p className="text-sm text-zinc-300">{c.address}</p>
              <CinemaShowtimes
                cinema={c}
                shows={shows}
                title={movie.title}
                dayHeading="h4"
                empty=""
                more={{ days: chosen ? ALSO_SHOWING_DAYS : Infinity, href: listingHref(`/c/${c.slug}/movies/${movie.slug}`, { tags }) }}
              />
            </section>
          ))}
        </section>
      )}
      {!chosen && others.length === 0 && <p className="text-zinc-200">{tags.length > 0 ? "No upcoming shows match these filters." : "No upcoming shows."}</p>}
    </article>
  );
}

/** One cinema's shows of the movie, by local day, in the cinema's zone (named when not the visitor's). */
function CinemaShowtimes({
  cinema,
  shows,
  title,
  dayHeading: Day,
  empty,
  more,
}: {
  cinema: Cinema;
  shows: ShowListing[];
  title: string;
  dayHeading: "h3" | "h4";
  empty: string;
  /** Only the first `days` days, then a link to the rest there. */
  more?: { days: number; href: string };
}) {
  const byDay = new Map<string, ShowListing[]>();
  for (const s of shows) {
    if (s.theaterId !== cinema.id) continue;
    const day = localDate(s.startsAt, cinema.timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  if (byDay.size === 0) return <p className="text-zinc-200">{empty}</p>;
  const days = [...byDay].slice(0, more?.days ?? Infinity);
  return (
    <div className="space-y-2">
      <ZoneNote timeZone={cinema.timeZone} className="block text-sm text-zinc-300" />
      {days.map(([day, dayShows]) => (
        <div key={day} className="space-y-2 rounded-xl border border-line bg-panel p-4">
          <Day className="font-semibold">{formatDay(day)}</Day>
          <ShowtimeLinks shows={dayShows} timeZone={cinema.timeZone} movieTitle={title} />
        </div>
      ))}
      {more && days.length < byDay.size && (
        <Link href={more.href} className="inline-block py-1 text-sm text-gold underline">
          All showtimes at {cinema.name}
        </Link>
      )}
    </div>
  );
}

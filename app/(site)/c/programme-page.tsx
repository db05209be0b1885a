import Image from "next/image";
import Link from "next/link";
import { getDb } from "@/db/client";
import { programmeOf, tagsOnSale } from "@/db/queries/catalog";
import type { Cinema } from "@/db/queries/cinemas";
import { DateStrip } from "@/components/date-strip";
import { ShowtimeLinks } from "@/components/showtime-links";
import { TagFilter } from "@/components/cinema/tag-filter";
import { ZoneNote } from "@/components/cinema/zone-note";
import { listingHref, tagsFromSearch } from "@/lib/catalog/tag-filter";
import { addDays, formatDay, isIsoDate, localDate } from "@/lib/time";

const DAYS_SHOWN = 7;

export type ListingSearch = { date?: string | string[]; tag?: string | string[] };

/**
 * One cinema's programme: the home page of a visitor who has chosen it, and /c/<slug> (the URL
 * to share). Every link it makes names the cinema, so a date or a filter picked here is shareable.
 */
export async function ProgrammePage({ cinema, search }: { cinema: Cinema; search: ListingSearch }) {
  const db = await getDb();
  const path = `/c/${cinema.slug}`;
  const today = localDate(new Date(), cinema.timeZone);
  const dates = Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(today, i));
  const requested = typeof search.date === "string" ? search.date : undefined;
  const date = isIsoDate(requested) && dates.includes(requested) ? requested : today;
  const tags = tagsFromSearch(search.tag);
  const [listings, onSale] = await Promise.all([
    programmeOf(db, { theaterId: cinema.id, date, timeZone: cinema.timeZone, tags }),
    tagsOnSale(db, { theaterId: cinema.id }),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Now showing</h1>
        <p className="text-sm text-zinc-300">
          <span className="font-medium text-zinc-100">{cinema.name}</span> · {cinema.address}
        </p>
        <ZoneNote timeZone={cinema.timeZone} className="block text-sm text-zinc-300" />
      </div>
      <DateStrip dates={dates} selected={date} hrefFor={(d) => listingHref(path, { date: d === today ? undefined : d, tags })} />
      <TagFilter path={path} date={date === today ? undefined : date} asked={tags} onSale={onSale} />
      <h2 className="sr-only">Showtimes on {formatDay(date)}</h2>
      {listings.length === 0 ? (
        <p className="rounded-lg border border-line bg-panel p-6 text-zinc-200">
          {tags.length > 0 ? `No shows match these filters on ${formatDay(date)}.` : `No more shows on ${formatDay(date)}.`} Try another day.
        </p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {listings.map(({ movie, shows }) => {
            const href = listingHref(`${path}/movies/${movie.slug}`, { tags });
            return (
              <li key={movie.id} className="flex gap-4 rounded-xl border border-line bg-panel p-3">
                <Link href={href} className="shrink-0" aria-hidden tabIndex={-1}>
                  <Image src={movie.posterUrl ?? "/posters/placeholder.svg"} alt="" width={96} height={144} className="h-36 w-24 rounded-md object-cover" unoptimized />
                </Link>
                <div className="min-w-0 space-y-2">
                  <h3 className="text-lg font-semibold leading-tight">
                    <Link href={href} className="hover:underline">
                      {movie.title}
                    </Link>
                  </h3>
                  <p className="text-xs text-zinc-300">
                    {movie.rating} · {movie.runtimeMinutes} min · {movie.genres.join(", ")}
                  </p>
                  <ShowtimeLinks shows={shows} timeZone={cinema.timeZone} movieTitle={movie.title} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

import Image from "next/image";
import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { nowShowing } from "@/db/queries/catalog";
import { getTheater } from "@/db/queries/venue";
import { DateStrip } from "@/components/date-strip";
import { ShowtimeLinks } from "@/components/showtime-links";
import { addDays, formatDay, isIsoDate, localDate, zoneLabel } from "@/lib/time";

const DAYS_SHOWN = 7;

export default async function HomePage({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  await connection();
  const db = await getDb();
  const theater = await getTheater(db);
  if (!theater) {
    return (
      <p>
        No theater is set up yet. Its first admin sets it up at{" "}
        <Link href="/setup" className="text-gold underline">
          /setup
        </Link>
        .
      </p>
    );
  }
  const today = localDate(new Date(), theater.timeZone);
  const dates = Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(today, i));
  const requested = (await searchParams).date;
  const date = isIsoDate(requested) && dates.includes(requested) ? requested : today;
  const listings = await nowShowing(db, date, theater.timeZone);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Now showing</h1>
        <p className="text-sm text-zinc-300">
          {theater.name} · times in {zoneLabel(theater.timeZone)}
        </p>
      </div>
      <DateStrip dates={dates} selected={date} hrefFor={(d) => (d === today ? "/" : `/?date=${d}`)} />
      <h2 className="sr-only">Showtimes on {formatDay(date)}</h2>
      {listings.length === 0 ? (
        <p className="rounded-lg border border-line bg-panel p-6 text-zinc-200">No more shows on {formatDay(date)}. Try another day.</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {listings.map(({ movie, shows }) => (
            <li key={movie.id} className="flex gap-4 rounded-xl border border-line bg-panel p-3">
              <Link href={`/movies/${movie.slug}`} className="shrink-0" aria-hidden tabIndex={-1}>
                <Image src={movie.posterUrl ?? "/posters/placeholder.svg"} alt="" width={96} height={144} className="h-36 w-24 rounded-md object-cover" unoptimized />
              </Link>
              <div className="min-w-0 space-y-2">
                <h3 className="text-lg font-semibold leading-tight">
                  <Link href={`/movies/${movie.slug}`} className="hover:underline">
                    {movie.title}
                  </Link>
                </h3>
                <p className="text-xs text-zinc-300">
                  {movie.rating} · {movie.runtimeMinutes} min · {movie.genres.join(", ")}
                </p>
                <ShowtimeLinks shows={shows} timeZone={theater.timeZone} movieTitle={movie.title} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import Image from "next/image";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { movieBySlug, upcomingShowsOfMovie, type ShowListing } from "@/db/queries/catalog";
import { getTheater } from "@/db/queries/venue";
import { ShowtimeLinks } from "@/components/showtime-links";
import { formatDay, localDate, zoneLabel } from "@/lib/time";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const movie = await movieBySlug(await getDb(), (await params).slug);
  return { title: movie?.title ?? "Movie not found" };
}

export default async function MoviePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = await getDb();
  const [movie, theater] = await Promise.all([movieBySlug(db, slug), getTheater(db)]);
  if (!movie || !theater) notFound();
  const shows = await upcomingShowsOfMovie(db, movie.id);
  const byDay = new Map<string, ShowListing[]>();
  for (const s of shows) {
    const day = localDate(s.startsAt, theater.timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }

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
      <section aria-labelledby="showtimes" className="space-y-4">
        <h2 id="showtimes" className="text-xl font-semibold">
          Showtimes <span className="text-sm font-normal text-zinc-300">(times in {zoneLabel(theater.timeZone)})</span>
        </h2>
        {byDay.size === 0 ? (
          <p className="text-zinc-200">No upcoming shows.</p>
        ) : (
          [...byDay].map(([day, dayShows]) => (
            <div key={day} className="space-y-2 rounded-xl border border-line bg-panel p-4">
              <h3 className="font-semibold">{formatDay(day)}</h3>
              <ShowtimeLinks shows={dayShows} timeZone={theater.timeZone} movieTitle={movie.title} />
            </div>
          ))
        )}
      </section>
    </article>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { movieForAdmin } from "@/db/queries/movies";
import { requireChainAdminPage } from "@/lib/auth/require-admin-page";
import { ArchiveMovieButton } from "@/components/admin/movies/archive-movie-button";
import { MovieForm } from "@/components/admin/movies/movie-form";
import { PosterUpload } from "@/components/admin/movies/poster-upload";
import { setMovieArchivedAction, updateMovieAction } from "../actions";
import { BackLink } from "@/components/back-link";

export const metadata = { title: "Edit movie" };

export default async function EditMoviePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  await requireChainAdminPage();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const movie = await movieForAdmin(await getDb(), id);
  if (!movie) notFound();
  const { created } = await searchParams;
  return (
    <div className="space-y-6">
      <BackLink href="/admin/movies">Movies</BackLink>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold">{movie.title}</h1>
        {movie.status === "archived" && <span className="rounded-full border border-line px-2 py-0.5 text-sm text-zinc-300">Archived</span>}
        {movie.status === "active" && (
          <Link href={`/movies/${movie.slug}`} className="text-sm text-gold underline">
            View on the site
          </Link>
        )}
      </div>
      {created && (
        <p role="status" className="rounded-lg border border-emerald-400/60 bg-emerald-400/10 px-4 py-2 text-sm">
          Movie created. Add a poster below, then schedule its shows.
        </p>
      )}
      <section aria-labelledby="details" className="space-y-3">
        <h2 id="details" className="text-lg font-semibold">Details</h2>
        <MovieForm
          movie={{ id: movie.id, title: movie.title, slug: movie.slug, synopsis: movie.synopsis, runtimeMinutes: movie.runtimeMinutes, rating: movie.rating, genres: movie.genres }}
          action={updateMovieAction}
          submitLabel="Save changes"
        />
      </section>
      <section aria-labelledby="poster-heading" className="space-y-3">
        <h2 id="poster-heading" className="text-lg font-semibold">Poster</h2>
        <PosterUpload movieId={movie.id} title={movie.title} posterUrl={movie.posterUrl} />
      </section>
      <section aria-labelledby="archive" className="space-y-3">
        <h2 id="archive" className="text-lg font-semibold">{movie.status === "archived" ? "Archived" : "Archive"}</h2>
        <p className="text-sm text-zinc-300">
          An archived movie disappears from the customer pages; its shows and bookings stay as they are.
        </p>
        <ArchiveMovieButton movieId={movie.id} archived={movie.status === "archived"} action={setMovieArchivedAction} />
      </section>
    </div>
  );
}

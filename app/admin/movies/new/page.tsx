import { requireChainAdminPage } from "@/lib/auth/require-admin-page";
import { MovieForm } from "@/components/admin/movies/movie-form";
import { createMovieAction } from "../actions";
import { BackLink } from "@/components/back-link";

export const metadata = { title: "Add a movie" };

export default async function NewMoviePage() {
  await requireChainAdminPage();
  return (
    <div className="space-y-5">
      <BackLink href="/admin/movies">Movies</BackLink>
      <h1 className="text-2xl font-bold">Add a movie</h1>
      <p className="text-sm text-zinc-300">You can upload the poster once the movie is saved.</p>
      <MovieForm movie={{ title: "", slug: "", synopsis: "", runtimeMinutes: "", rating: "NR", genres: [] }} action={createMovieAction} submitLabel="Create movie" />
    </div>
  );
}

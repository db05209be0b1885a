"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { archiveMovieSchema, movieFieldsSchema, updateMovieSchema } from "@/lib/catalog/movie-input";
import { createMovie, setMovieArchived, updateMovie } from "@/lib/catalog/save-movie";
import { defineAction } from "@/lib/handlers/define-action";

export const createMovieAction = defineAction(movieFieldsSchema, { name: "create-movie", auth: "chain" }, async (input, { user }) => {
  const movie = await createMovie(user, input);
  revalidatePath("/admin/movies");
  redirect(`/admin/movies/${movie.id}?created=1`);
});

export const updateMovieAction = defineAction(updateMovieSchema, { name: "update-movie", auth: "chain" }, async (input, { user }) => {
  const movie = await updateMovie(user, input);
  revalidatePath("/admin/movies");
  revalidatePath("/", "layout");
  return movie;
});

export const setMovieArchivedAction = defineAction(archiveMovieSchema, { name: "archive-movie", auth: "chain" }, async (input, { user }) => {
  const result = await setMovieArchived(user, input);
  revalidatePath("/", "layout");
  return result;
});

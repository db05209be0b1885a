"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/authz";
import { actionResult, parseAdminInput } from "@/lib/admin/action-result";
import { archiveMovieSchema, movieFieldsSchema, updateMovieSchema } from "@/lib/catalog/movie-input";
import { createMovie, setMovieArchived, updateMovie } from "@/lib/catalog/save-movie";

// Each action checks the admin itself, first: a page check does not protect the actions on it.

export async function createMovieAction(raw: unknown) {
  const result = await actionResult(async () => {
    const actor = await requireAdmin();
    return createMovie(actor, parseAdminInput(movieFieldsSchema, raw));
  });
  if (!result.ok) return result;
  revalidatePath("/admin/movies");
  redirect(`/admin/movies/${result.data.id}?created=1`);
}

export async function updateMovieAction(raw: unknown) {
  return actionResult(async () => {
    const actor = await requireAdmin();
    const movie = await updateMovie(actor, parseAdminInput(updateMovieSchema, raw));
    revalidatePath("/admin/movies");
    revalidatePath("/", "layout");
    return movie;
  });
}

export async function setMovieArchivedAction(raw: unknown) {
  return actionResult(async () => {
    const actor = await requireAdmin();
    const result = await setMovieArchived(actor, parseAdminInput(archiveMovieSchema, raw));
    revalidatePath("/", "layout");
    return result;
  });
}

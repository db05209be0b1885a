import "server-only";
import { getDb, uniqueViolation } from "@/db/client";
import { insertMovie, lockMovie, setMovieStatus, updateMovieFields } from "@/db/queries/movies";
import { AppError, fieldError } from "@/lib/errors";
import type { AdminActor } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { slugify, type MovieFields } from "./movie-input";

function values(input: MovieFields) {
  const slug = input.slug || slugify(input.title);
  if (!slug) throw fieldError("slug", "Enter a web address made of letters or digits.");
  return { title: input.title, slug, synopsis: input.synopsis, runtimeMinutes: input.runtimeMinutes, rating: input.rating, genres: input.genres };
}

function slugTaken(err: unknown): boolean {
  const constraint = uniqueViolation(err);
  return constraint !== null && constraint.includes("slug");
}

export async function createMovie(actor: AdminActor, input: MovieFields): Promise<{ id: string; slug: string }> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const movie = await insertMovie(tx, values(input));
      await recordAudit(tx, actor, "movie.create", { type: "movie", id: movie.id }, { title: input.title, slug: movie.slug });
      return movie;
    });
  } catch (err) {
    if (slugTaken(err)) throw fieldError("slug", "Another movie already uses this web address.");
    throw err;
  }
}

export async function updateMovie(actor: AdminActor, input: MovieFields & { id: string }): Promise<{ id: string; slug: string }> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const before = await lockMovie(tx, input.id);
      if (!before) throw new AppError("not_found", "That movie does not exist.");
      const next = values(input);
      await updateMovieFields(tx, input.id, next);
      const changed = Object.fromEntries(
        Object.entries(next).filter(([key, value]) => JSON.stringify(before[key as keyof typeof before]) !== JSON.stringify(value)),
      );
      await recordAudit(tx, actor, "movie.update", { type: "movie", id: input.id }, { title: next.title, changed: Object.keys(changed) });
      return { id: input.id, slug: next.slug };
    });
  } catch (err) {
    if (slugTaken(err)) throw fieldError("slug", "Another movie already uses this web address.");
    throw err;
  }
}

/** Archived movies disappear from the customer pages; their shows and bookings are left as they are. */
export async function setMovieArchived(actor: AdminActor, input: { id: string; archived: boolean }): Promise<{ status: "active" | "archived" }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const status = input.archived ? ("archived" as const) : ("active" as const);
    const movie = await setMovieStatus(tx, input.id, status);
    if (!movie) throw new AppError("not_found", "That movie does not exist.");
    await recordAudit(tx, actor, input.archived ? "movie.archive" : "movie.restore", { type: "movie", id: input.id }, { title: movie.title });
    return { status };
  });
}

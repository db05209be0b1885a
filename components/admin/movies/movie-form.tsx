"use client";
import { useActionState } from "react";
import { RATINGS } from "@/lib/catalog/movie-input";
import type { ActionResult } from "@/lib/errors";
import { FieldError } from "@/components/admin/forms/field-error";

export type MovieFormValues = { id?: string; title: string; slug: string; synopsis: string; runtimeMinutes: number | ""; rating: string; genres: string[] };
type Result = ActionResult<{ id: string; slug: string }> | null | undefined;
type State = { result: Result; typed: Record<string, string> } | null;

const HINTS = new Set(["slug", "genres"]);
const input = "w-full rounded-md border bg-ink px-3 py-2 aria-[invalid=true]:border-red-400";

/**
 * Create or edit a movie. The action validates with the same zod schema and sends field errors
 * back; the form keeps what was typed and puts each error under its field. (React resets a
 * form after its action, to the fields' default values: so the typed values become the defaults.)
 */
export function MovieForm({ movie, action, submitLabel }: { movie: MovieFormValues; action: (raw: unknown) => Promise<Result>; submitLabel: string }) {
  const [saved, submit, pending] = useActionState(async (_prev: State, form: FormData): Promise<State> => {
    const typed: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) typed[key] = value;
    return { result: await action(form), typed };
  }, null);
  const state = saved?.result;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const value = (name: keyof MovieFormValues) =>
    name === "slug" && state?.ok ? state.data.slug : saved?.typed[name] ?? (name === "genres" ? movie.genres.join(", ") : String(movie[name] ?? ""));
  const field = (name: keyof MovieFormValues) => ({
    id: `movie-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [errors[name] ? `movie-${name}-error` : "", HINTS.has(name) ? `movie-${name}-hint` : ""].filter(Boolean).join(" ") || undefined,
  });

  return (
    <form action={submit} className="max-w-2xl space-y-4" noValidate>
      {movie.id && <input type="hidden" name="id" value={movie.id} />}
      <div className="grid gap-1">
        <label htmlFor="movie-title" className="font-medium">Title</label>
        <input {...field("title")} defaultValue={value("title")} required maxLength={200} className={`${input} border-line`} />
        <FieldError id="movie-title-error" messages={errors.title} />
      </div>
      <div className="grid gap-1">
        <label htmlFor="movie-slug" className="font-medium">Web address</label>
        <input {...field("slug")} defaultValue={value("slug")} maxLength={80} className={`${input} border-line`} />
        <p id="movie-slug-hint" className="text-sm text-zinc-300">The end of /movies/…; leave empty to make one from the title.</p>
        <FieldError id="movie-slug-error" messages={errors.slug} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="grid content-start gap-1">
          <label htmlFor="movie-runtimeMinutes" className="font-medium">Runtime (minutes)</label>
          <input {...field("runtimeMinutes")} type="number" inputMode="numeric" min={1} max={600} defaultValue={value("runtimeMinutes")} required className={`${input} border-line`} />
          <FieldError id="movie-runtimeMinutes-error" messages={errors.runtimeMinutes} />
        </div>
        <div className="grid content-start gap-1">
          <label htmlFor="movie-rating" className="font-medium">Rating</label>
          <select {...field("rating")} defaultValue={value("rating")} className={`${input} border-line`}>
            {RATINGS.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <FieldError id="movie-rating-error" messages={errors.rating} />
        </div>
      </div>
      <div className="grid gap-1">
        <label htmlFor="movie-genres" className="font-medium">Genres</label>
        <input {...field("genres")} defaultValue={value("genres")} className={`${input} border-line`} />
        <p id="movie-genres-hint" className="text-sm text-zinc-300">Separated by commas, e.g. Drama, Mystery.</p>
        <FieldError id="movie-genres-error" messages={errors.genres} />
      </div>
      <div className="grid gap-1">
        <label htmlFor="movie-synopsis" className="font-medium">Synopsis</label>
        <textarea {...field("synopsis")} defaultValue={value("synopsis")} rows={5} maxLength={2000} className={`${input} border-line`} />
        <FieldError id="movie-synopsis-error" messages={errors.synopsis} />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button disabled={pending} className="rounded-lg bg-gold px-4 py-2 font-semibold text-ink disabled:opacity-60">
          {pending ? "Saving…" : submitLabel}
        </button>
        <p role="status" className="text-sm">
          {state?.ok === false ? <span className="text-red-300">{state.message}</span> : state?.ok ? "Saved." : ""}
        </p>
      </div>
    </form>
  );
}

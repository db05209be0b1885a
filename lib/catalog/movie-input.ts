// The movie form's fields and their rules. Pure (zod only), shared by the form and the actions.
import { z } from "zod";

export const RATINGS = ["G", "PG", "PG-13", "R", "NC-17", "NR"] as const;

/** "Drama, Mystery" → ["Drama", "Mystery"], as typed in one text field. */
const genreList = z
  .string()
  .default("")
  .transform((text) => [...new Set(text.split(",").map((g) => g.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(40, "Keep each genre under 40 characters.")).max(8, "List at most 8 genres."));

export const movieFieldsSchema = z.object({
  title: z.string().trim().min(1, "Enter a title.").max(200, "Keep the title under 200 characters."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .default("")
    .refine((s) => s === "" || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s), "Use lowercase letters, digits and single dashes (e.g. the-last-tram).")
    .refine((s) => s.length <= 80, "Keep the web address under 80 characters."),
  synopsis: z.string().trim().max(2000, "Keep the synopsis under 2,000 characters.").default(""),
  runtimeMinutes: z.coerce
    .number({ error: "Enter the runtime in minutes." })
    .int("Enter whole minutes.")
    .min(1, "Enter the runtime in minutes.")
    .max(600, "A runtime over 10 hours is surely a typo."),
  rating: z.enum(RATINGS, { error: "Choose a rating." }),
  genres: genreList,
});
export type MovieFields = z.infer<typeof movieFieldsSchema>;

export const updateMovieSchema = movieFieldsSchema.extend({ id: z.uuid() });
export const archiveMovieSchema = z.object({ id: z.uuid(), archived: z.enum(["true", "false"]).transform((v) => v === "true") });

/** "Salt & Honey!" → "salt-honey": the default web address of a movie. */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

// The scheduling form. Pure (zod only). Prices come from price cards (issue 18): the show gets
// the card the rules pick, unless the admin names one (priceCardId).
import { z } from "zod";
import { isIsoDate } from "@/lib/time";
import { knownTags, unknownTagIds } from "@/lib/show-tags";

export const MAX_REPEAT_DAYS = 14;

/** "" (or absent) = the card the rules pick; otherwise the id of the card the admin chose. */
const cardChoice = z
  .string()
  .default("")
  .transform((v) => v || null);

/**
 * A show's tags (issue 19): ids of lib/show-tags.ts, as a form's checkboxes send them (one
 * value, several, or none). An id outside the vocabulary is refused by name on the "tags" field,
 * never dropped quietly; the rest come back each once, in vocabulary order.
 */
export const showTagsField = z
  .preprocess((v) => (v === undefined || v === null ? v : Array.isArray(v) ? v : [v]), z.array(z.string().trim().max(40, "That is not a tag.")).max(30, "Too many tags."))
  .superRefine((ids, ctx) => {
    const unknown = unknownTagIds(ids);
    if (unknown.length) ctx.addIssue({ code: "custom", message: `Unknown tag${unknown.length > 1 ? "s" : ""}: ${unknown.map((id) => `“${id}”`).join(", ")}. Choose tags from the list.` });
  })
  .transform((ids) => knownTags(ids).map((t) => t.id));

export const scheduleShowsSchema = z.object({
  movieId: z.uuid("Choose a movie."),
  screenId: z.uuid("Choose a screen."),
  date: z.string().refine(isIsoDate, "Enter the first date."),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a start time like 19:30."),
  days: z.coerce
    .number()
    .int("Enter a whole number of days.")
    .min(1, "At least one day.")
    .max(MAX_REPEAT_DAYS, `At most ${MAX_REPEAT_DAYS} days at once.`)
    .default(1),
  priceCardId: cardChoice,
  /** Absent: the tags the screen's format names (lib/catalog/screen-format-tags.ts). */
  tags: showTagsField.optional(),
});
export type ScheduleShowsInput = Omit<z.infer<typeof scheduleShowsSchema>, "priceCardId" | "tags"> & { priceCardId?: string | null; tags?: string[] };

export const showIdSchema = z.object({ showId: z.uuid() });

export const setShowCardSchema = z.object({ showId: z.uuid(), priceCardId: cardChoice });

/** A scheduled show's tags, as its edit form sends them: no box ticked = no tags. */
export const setShowTagsSchema = z.object({ showId: z.uuid(), tags: showTagsField.default([]) });
export type SetShowTagsInput = z.infer<typeof setShowTagsSchema>;

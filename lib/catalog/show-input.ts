// The scheduling form. Pure (zod only). Prices come from price cards (issue 18): the show gets
// the card the rules pick, unless the admin names one (priceCardId).
import { z } from "zod";
import { isIsoDate } from "@/lib/time";

export const MAX_REPEAT_DAYS = 14;

/** "" (or absent) = the card the rules pick; otherwise the id of the card the admin chose. */
const cardChoice = z
  .string()
  .default("")
  .transform((v) => v || null);

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
});
export type ScheduleShowsInput = Omit<z.infer<typeof scheduleShowsSchema>, "priceCardId"> & { priceCardId?: string | null };

export const showIdSchema = z.object({ showId: z.uuid() });

export const setShowCardSchema = z.object({ showId: z.uuid(), priceCardId: cardChoice });

// The scheduling form. Pure (zod only). Prices arrive as `price.<tier>` fields holding decimal
// money; they are checked against the screen's tiers (and turned into minor units) by the action.
import { z } from "zod";
import { isIsoDate } from "@/lib/time";

export const MAX_REPEAT_DAYS = 14;

function gatherPrices(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || "prices" in raw) return raw;
  const prices: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith("price.")) prices[key.slice("price.".length)] = value;
    else rest[key] = value;
  }
  return { ...rest, prices };
}

export const scheduleShowsSchema = z.preprocess(
  gatherPrices,
  z.object({
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
    prices: z.record(z.string(), z.string()).default({}),
  }),
);
export type ScheduleShowsInput = z.infer<typeof scheduleShowsSchema>;

export const showIdSchema = z.object({ showId: z.uuid() });

// The admin's "high demand" form for a show. Pure (zod only).
import { z } from "zod";
import { isIsoDate } from "@/lib/time";

export const MAX_ADMISSIONS_PER_MINUTE = 100_000;

export const waitingRoomSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("on"),
    showId: z.uuid(),
    date: z.string().refine(isIsoDate, "Enter the date the line opens."),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the time the line opens, like 10:00."),
    perMinute: z.coerce
      .number("Enter how many people to let in per minute.")
      .int("Enter a whole number of people per minute.")
      .min(1, "Let in at least 1 person per minute.")
      .max(MAX_ADMISSIONS_PER_MINUTE, `At most ${MAX_ADMISSIONS_PER_MINUTE.toLocaleString("en-US")} per minute.`),
    /** "show": this show only; "day": every showtime of its movie on the same day (an opening day). */
    scope: z.enum(["show", "day"]).default("show"),
  }),
  z.object({ mode: z.literal("off"), showId: z.uuid(), scope: z.enum(["show", "day"]).default("show") }),
]);
export type WaitingRoomInput = z.infer<typeof waitingRoomSchema>;

// The new-screen form. Pure (zod only).
import { z } from "zod";
import { LAYOUT_LIMITS } from "./layout-types";

export const createScreenSchema = z.object({
  theaterId: z.uuid("Choose a theater."),
  name: z.string().trim().min(1, "Enter a name.").max(60, "Keep the name under 60 characters."),
  format: z.string().trim().min(1, "Enter a format (e.g. standard).").max(40).default("standard"),
  tiers: z
    .string()
    .default("standard")
    .transform((text) => [...new Set(text.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(/^[a-z][a-z0-9-]{0,23}$/, "Tier names are lowercase letters, digits and dashes."))
        .min(1, "Enter at least one tier.")
        .max(LAYOUT_LIMITS.maxTiers, `At most ${LAYOUT_LIMITS.maxTiers} tiers.`),
    ),
  rows: z.coerce.number().int("Enter a whole number.").min(1, "At least one row.").max(26, "Start with at most 26 rows; the editor can add more."),
  seatsPerRow: z.coerce.number().int("Enter a whole number.").min(1, "At least one seat per row.").max(LAYOUT_LIMITS.maxWidth, `At most ${LAYOUT_LIMITS.maxWidth} seats per row.`),
});
export type CreateScreenInput = z.infer<typeof createScreenSchema>;

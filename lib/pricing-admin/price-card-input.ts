// The price card form: a name, the rules that pick the card for a show, and a price per
// (seat tier × ticket type) as typed text. Pure (zod only). Whether each price is money, and
// whether every tier on sale is priced, is checked by the action against the theater's tiers and
// types (zod does not know them); the prices arrive as prices.<tier>.<ticketTypeId>.
import { z } from "zod";
import { isIsoDate } from "@/lib/time";
import { checkbox } from "./form-values";

export { WEEKDAYS } from "@/lib/catalog/card-rules-words";

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time like 17:00.");
const optionalClock = z.union([z.literal(""), clock]).default("").transform((v) => v || null);
const optionalDate = z
  .string()
  .default("")
  .refine((v) => v === "" || isIsoDate(v), "Enter a date like 2026-01-31.")
  .transform((v) => v || null);

export const priceCardSchema = z
  .object({
    id: z.string().min(1).optional(),
    theaterId: z.string().min(1, "Choose a theater."),
    name: z.string().trim().min(1, "Enter a name, like Matinee.").max(60, "Keep the name under 60 characters."),
    isDefault: checkbox,
    priority: z.coerce.number({ error: "Enter a whole number." }).int("Enter a whole number.").min(-100, "Use -100 to 100.").max(100, "Use -100 to 100.").default(0),
    startsBefore: optionalClock,
    startsFrom: optionalClock,
    days: z.array(z.coerce.number().int().min(0).max(6)).max(7).default([]).transform((d) => [...new Set(d)].sort()),
    formats: z.array(z.string().trim().min(1).max(40)).max(20).default([]).transform((f) => [...new Set(f)]),
    validFrom: optionalDate,
    validUntil: optionalDate,
    prices: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  })
  .superRefine((card, ctx) => {
    if (card.validFrom && card.validUntil && card.validUntil < card.validFrom)
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "The last day comes on or after the first day." });
    if (card.startsBefore && card.startsFrom && card.startsFrom >= card.startsBefore)
      ctx.addIssue({ code: "custom", path: ["startsBefore"], message: "“Starts before” must be later than “starts from”." });
  });
export type PriceCardInput = z.infer<typeof priceCardSchema>;

export const priceCardIdSchema = z.object({ id: z.string().min(1) });

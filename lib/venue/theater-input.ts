// A theater's fields and their rules (issue 19): the add/edit form on /admin/theaters and
// first-run setup read the same checks. Pure (zod + Intl).
import { z } from "zod";
import { slugify } from "@/lib/catalog/movie-input";

/** An IANA zone name the runtime knows ("America/New_York", "UTC"); abbreviations like "EST" are refused. */
export function isIanaTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
}

const CURRENCIES = new Set(Intl.supportedValuesOf("currency").map((c) => c.toLowerCase()));

/** The zone names a form offers as suggestions (a datalist); anything isIanaTimeZone accepts is valid. */
export const TIME_ZONE_SUGGESTIONS: readonly string[] = Intl.supportedValuesOf("timeZone");

export const theaterNameSchema = z.string().trim().min(1, "Enter the theater's name.").max(120, "Keep the name under 120 characters.");
export const theaterAddressSchema = z.string().trim().min(1, "Enter the theater's address.").max(300, "Keep the address under 300 characters.");
export const timeZoneSchema = z.string().trim().refine(isIanaTimeZone, "Enter a time zone like Europe/Paris or America/New_York.");
export const currencySchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((c) => CURRENCIES.has(c), "Enter a three-letter currency code like USD or EUR.");

/** "Le Grand Rex, Paris" → "le-grand-rex-paris": a theater's default slug (its /c/<slug> address). */
export function theaterSlugOf(name: string): string {
  return slugify(name).slice(0, 60).replace(/-+$/, "") || "theater";
}

export const theaterFieldsSchema = z.object({
  name: theaterNameSchema,
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .default("")
    .refine((s) => s === "" || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s), "Use lowercase letters, digits and single dashes (e.g. downtown-la).")
    .refine((s) => s.length <= 60, "Keep the web address under 60 characters."),
  address: theaterAddressSchema,
  timeZone: timeZoneSchema,
  currency: currencySchema,
  idNotice: z.string().trim().max(500, "Keep the ID notice under 500 characters.").default(""),
});
export type TheaterFields = z.infer<typeof theaterFieldsSchema>;

export const updateTheaterSchema = theaterFieldsSchema.extend({ id: z.string().trim().min(1).max(64) });
export type UpdateTheaterInput = z.infer<typeof updateTheaterSchema>;

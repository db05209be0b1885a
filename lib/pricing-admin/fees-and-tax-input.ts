// The theater's booking fee and tax settings as the form sends them. Pure (zod only). Money
// fields stay text here: the action turns them into minor units in the theater's currency.
import { z } from "zod";
import { checkbox } from "./form-values";

/** "8.25" → 825 basis points; a percent with at most two decimals, 0 to 50 %. */
export function parseTaxRate(text: string): number | null {
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/%$/, "").trim());
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return value <= 5_000 ? value : null;
}

/** 825 → "8.25", 2000 → "20": the value the field starts with. */
export function formatTaxRate(basisPoints: number): string {
  return String(basisPoints / 100);
}

export const feesAndTaxSchema = z.object({
  theaterId: z.string().min(1, "Choose a theater."),
  feePerTicket: z.string().trim().default(""),
  feePerOrder: z.string().trim().default(""),
  /** Per ticket type id: its own per-ticket fee, or "" for the theater's. */
  typeFees: z.record(z.string(), z.string().trim()).default({}),
  feesIncluded: checkbox,
  taxRate: z.string().trim().default("0").refine((v) => parseTaxRate(v || "0") !== null, "Enter a rate like 20 or 8.25 (percent, up to 50).").transform((v) => parseTaxRate(v || "0")!),
  taxIncluded: checkbox,
  // Ratings as movies carry them ("R", "NC-17"); the page offers lib/catalog's list. Not imported
  // here: lib/catalog schedules shows with this folder's card pick, and folders never import in a circle.
  adultsOnlyRatings: z.array(z.string().regex(/^[A-Z0-9-]{1,10}$/, "Choose a rating from the list.")).max(20).default([]).transform((r) => [...new Set(r)]),
});
export type FeesAndTaxInput = z.infer<typeof feesAndTaxSchema>;

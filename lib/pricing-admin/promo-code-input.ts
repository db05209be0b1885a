// The promo code form. Pure (zod only). A code is stored as customers may type it: "summer 10"
// and "SUMMER10" are the same code, so spaces go and letters are upper-cased here.
import { z } from "zod";
import { isIsoDate } from "@/lib/time";
import { normaliseCode } from "@/lib/pricing/promo-code";
import { checkbox } from "./form-values";


const optionalDate = z
  .string()
  .default("")
  .refine((v) => v === "" || isIsoDate(v), "Enter a date like 2026-01-31.")
  .transform((v) => v || null);
const optionalLimit = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number({ error: "Enter a whole number, or leave it empty for no limit." }).int("Enter a whole number.").min(1, "A limit is at least 1.").max(1_000_000, "Enter a smaller limit.").optional(),
);

export const promoCodeSchema = z
  .object({
    id: z.string().min(1).optional(),
    theaterId: z.string().min(1, "Choose a theater."),
    code: z
      .string()
      .transform(normaliseCode)
      .pipe(z.string().regex(/^[A-Z0-9-]{3,32}$/, "Use 3 to 32 letters, digits or dashes, like SUMMER10.")),
    kind: z.enum(["percent", "fixed"], { error: "Choose percent or a fixed amount." }),
    /** Percent as a whole number (1–100), or an amount of money as text. */
    amount: z.string().trim().min(1, "Enter the discount."),
    per: z.enum(["order", "ticket"], { error: "Choose per order or per ticket." }),
    validFrom: optionalDate,
    validUntil: optionalDate,
    movieIds: z.array(z.string().min(1)).max(200).default([]),
    showIds: z.array(z.string().min(1)).max(200).default([]),
    days: z.array(z.coerce.number().int().min(0).max(6)).max(7).default([]).transform((d) => [...new Set(d)].sort()),
    ticketTypeIds: z.array(z.string().min(1)).max(50).default([]),
    totalLimit: optionalLimit,
    perCustomerLimit: optionalLimit,
  })
  .superRefine((promo, ctx) => {
    if (promo.validFrom && promo.validUntil && promo.validUntil < promo.validFrom)
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "The last day comes on or after the first day." });
    if (promo.kind === "percent" && !/^(100|[1-9]\d?)$/.test(promo.amount))
      ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter a whole percent from 1 to 100." });
    if (promo.totalLimit && promo.perCustomerLimit && promo.perCustomerLimit > promo.totalLimit)
      ctx.addIssue({ code: "custom", path: ["perCustomerLimit"], message: "The per-customer limit cannot be above the total limit." });
  });
export type PromoCodeInput = z.infer<typeof promoCodeSchema>;

export const retirePromoCodeSchema = z.object({ id: z.string().min(1), retired: checkbox });

/** The form's starting values (text as typed). */
export type PromoFormValues = {
  id?: string;
  code: string;
  kind: "percent" | "fixed";
  amount: string;
  per: "order" | "ticket";
  validFrom: string;
  validUntil: string;
  movieIds: string[];
  showIds: string[];
  days: number[];
  ticketTypeIds: string[];
  totalLimit: string;
  perCustomerLimit: string;
};

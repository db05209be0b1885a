// Inputs of the booking pages and actions. Pure (zod only).
import { z } from "zod";

export const orderIdSchema = z.object({ orderId: z.uuid() });

/** A refund: the reason is required by the refund itself when tickets were already admitted. */
export const refundInputSchema = orderIdSchema.extend({
  reason: z
    .string()
    .trim()
    .max(500, "Keep the reason under 500 characters.")
    .optional()
    .transform((r) => r || undefined),
});

/** A partial refund (issue 23): the chosen seats of the order, and a reason (required by the refund when one was admitted). */
export const partialRefundInputSchema = refundInputSchema.extend({
  // One checkbox sends a single value; more send a list.
  seatIds: z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.string().min(1).max(64)).min(1, "Choose the seats to refund.").max(50)),
});

export const ORDER_STATUSES = ["pending", "paid", "expired", "cancelled", "refunded"] as const;

/** The search page's query string; anything malformed is dropped rather than refused. */
export const bookingSearchSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  showId: z.uuid().optional().catch(undefined),
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

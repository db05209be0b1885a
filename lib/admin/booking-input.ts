// Inputs of the booking pages and actions. Pure (zod only).
import { z } from "zod";

export const orderIdSchema = z.object({ orderId: z.uuid() });

export const ORDER_STATUSES = ["pending", "paid", "expired", "cancelled", "refunded"] as const;

/** The search page's query string; anything malformed is dropped rather than refused. */
export const bookingSearchSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  showId: z.uuid().optional().catch(undefined),
  status: z.enum(ORDER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

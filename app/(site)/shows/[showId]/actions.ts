"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ensureHolderId, readHolderId } from "@/lib/booking/holder";
import { holdSeats, releaseSeats } from "@/lib/booking/holds";
import { countHoldOutcome, measureAction } from "@/lib/metrics";
import { limitHold } from "@/lib/rate-limit/actions";
import { defineAction } from "@/lib/safe-action";

// Anyone may hold seats, signed in or not: the holder cookie is the customer's identity until
// checkout, where signing in is required. Prices and seat states never come from the client.
const seatsInput = z.object({
  showId: z.uuid({ message: "That is not a show id." }),
  seatIds: z.array(z.uuid({ message: "That is not a seat id." })).min(1, "Choose at least one seat.").max(50),
});

export const holdSeatsAction = measureAction("hold", defineAction(seatsInput, async (input) => {
  const holder = await ensureHolderId();
  await limitHold(input, holder);
  return holdSeats(await getDb(), input, holder);
}), countHoldOutcome);

export const releaseSeatsAction = defineAction(seatsInput, async (input) => {
  const holder = await readHolderId();
  if (!holder) return { mine: [], expiresAt: null };
  return releaseSeats(await getDb(), input, holder);
});

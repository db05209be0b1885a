"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/current-user";
import { holdSeats, releaseSeats } from "@/lib/booking/holds";
import { promoForShow } from "@/lib/booking/show-pricing";
import { defineAction } from "@/lib/handlers/define-action";
import { countHoldOutcome } from "@/lib/metrics";
import { holdLimits } from "@/lib/rate-limit/actions";
import { isAdmitted } from "@/lib/waiting-room/admission";

// Anyone may hold seats, signed in or not: the holder cookie is the customer's identity until
// checkout, where signing in is required. Prices and seat states never come from the client.
const seatsInput = z.object({
  showId: z.uuid({ message: "That is not a show id." }),
  seatIds: z.array(z.uuid({ message: "That is not a seat id." })).min(1, "Choose at least one seat.").max(50),
});

export const holdSeatsAction = defineAction(seatsInput, { name: "hold", auth: "public", holder: "ensure", onResult: countHoldOutcome }, async (input, { holder }) => {
  // Public, so ctx.user is not read; a signed-in customer's account has its own seat budget.
  const user = await currentUser();
  // The limits and the admission go into the hold's one lock-store call (issue 22).
  const [limits, admitted] = await Promise.all([holdLimits(input, { holder, userId: user?.id ?? null }), isAdmitted(input.showId, holder)]);
  return holdSeats(await getDb(), input, holder, new Date(), { limits, admitted });
});

export const releaseSeatsAction = defineAction(seatsInput, { name: "release", auth: "public", holder: "read" }, async (input, { holder }) => {
  if (!holder) return { mine: [], expiresAt: null };
  return releaseSeats(await getDb(), input, holder);
});

const promoInput = z.object({
  showId: z.uuid({ message: "That is not a show id." }),
  code: z.string().max(64, "That code is too long."),
});

/** The summary's Apply: is the typed code good for this show? The browser then prices with it; checkout judges it again. */
export const checkPromoAction = defineAction(promoInput, { name: "promo.check", auth: "public" }, async ({ showId, code }) => promoForShow(await getDb(), showId, code));

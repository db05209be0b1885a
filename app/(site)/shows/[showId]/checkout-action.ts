"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { currentUser } from "@/lib/auth/current-user";
import { startCheckout } from "@/lib/booking/start-checkout";
import { AppError, toFailure } from "@/lib/errors";
import { asFormAction, defineAction } from "@/lib/handlers/define-action";
import { limitCheckout } from "@/lib/rate-limit/actions";

/**
 * The seat map's Continue button. Declared public because a signed-out customer is not refused
 * but sent to sign in and back to the same show: their holder cookie survives sign-in, so the
 * seats are still theirs. Checkout itself needs the signed-in user, checked here.
 */
export const checkoutAction = asFormAction(defineAction(z.object({ showId: z.uuid() }), { name: "checkout", auth: "public", holder: "read" }, async ({ showId }, { holder }) => {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/shows/${showId}`)}`);
  let url: string;
  try {
    if (!holder) throw new AppError("gone", "Your seats are no longer held. Please choose them again.");
    await limitCheckout(user.id);
    ({ url } = await startCheckout(await getDb(), showId, { holder, userId: user.id, email: user.email }, await appUrl()));
  } catch (err) {
    // The page shows its own words for the code (checkout-errors.ts), never text from the URL.
    redirect(`/shows/${showId}?error=${toFailure(err).code}`);
  }
  redirect(url);
}));

"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { currentUser } from "@/lib/auth/current-user";
import { assertAdmitted } from "@/lib/booking/admission-guard";
import { startCheckout } from "@/lib/booking/start-checkout";
import { AppError, toFailure } from "@/lib/errors";
import { asFormAction, defineAction } from "@/lib/handlers/define-action";
import { limitCheckout } from "@/lib/rate-limit/actions";
import { choicesFrom, continuePath, seatIdsFrom, typesFrom } from "@/lib/seat-map/continue-path";

// `seats` comes from the page a sign-in returns to (continue/): the seats held when the customer
// left for sign-in, offered again if the hold ran out meanwhile.
// `types` ("seat:type,…") and `promo` come from the summary's ticket types and promo code.
const checkoutInput = z.object({ showId: z.uuid(), seats: z.string().max(4000).optional(), types: z.string().max(4000).optional(), promo: z.string().max(64).optional() });

/**
 * The seat map's Continue button. Declared public because a signed-out customer is not refused
 * but sent to sign in and back to the same show: their holder cookie survives sign-in, so the
 * seats are still theirs. Checkout itself needs the signed-in user, checked here.
 */
export const checkoutAction = asFormAction(defineAction(checkoutInput, { name: "checkout", auth: "public", holder: "read" }, async ({ showId, seats, types, promo }, { holder }) => {
  const user = await currentUser();
  const choices = choicesFrom(types, promo);
  // Back from signing in, straight on to checkout (the sign-in page adds the held seats).
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(continuePath(showId, [], choices))}`);
  let url: string;
  try {
    if (!holder) throw new AppError("gone", "Your seats are no longer held. Please choose them again.");
    await limitCheckout(user.id);
    const db = await getDb();
    // During a high-demand on-sale only admitted visitors check out (the page sends the rest to the line).
    await assertAdmitted(db, showId, holder);
    ({ url } = await startCheckout(db, showId, { holder, userId: user.id, email: user.email }, await appUrl(), { types: typesFrom(choices.types), promoCode: choices.promo }));
  } catch (err) {
    // The page shows its own words for the code (checkout-errors.ts), never text from the URL;
    // a pricing refusal adds its reason, which the page words too.
    const failure = toFailure(err);
    const code = failure.code;
    const reason = typeof failure.details?.reason === "string" ? failure.details.reason : null;
    if (reason && code !== "gone") redirect(`/shows/${showId}?${new URLSearchParams({ error: code, reason })}`);
    const held = seatIdsFrom(seats);
    if (code === "gone" && held.length > 0) redirect(`/shows/${showId}?${new URLSearchParams({ resume: held.join(",") })}`);
    redirect(`/shows/${showId}?error=${code}`);
  }
  redirect(url);
}));

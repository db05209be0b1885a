"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { declineOffer, takeOffer } from "@/lib/booking/waitlist/take-offer";
import { toFailure } from "@/lib/errors";
import { asFormAction, defineAction } from "@/lib/handlers/define-action";
import { limitCheckout } from "@/lib/rate-limit/actions";

// Issue 21: a waiting customer's answer to seats held for them. The offer must be theirs
// (take-offer.ts checks the entry's user against the session's), whatever the link says.
const offerInput = z.object({ offerId: z.uuid() });

/** Take the seats: the hold becomes the customer's and checkout opens on exactly those seats. */
export const takeOfferAction = asFormAction(
  defineAction(offerInput, { name: "waitlist-take", auth: "customer", holder: "ensure" }, async ({ offerId }, { user, holder }) => {
    let url: string;
    try {
      await limitCheckout(user.id);
      ({ url } = await takeOffer(await getDb(), offerId, { holder, userId: user.id, email: user.email }, await appUrl()));
    } catch (err) {
      redirect(`/waitlist/offers/${offerId}?error=${toFailure(err).code}`);
    }
    redirect(url);
  }),
);

/** Let the seats go to the next person waiting. */
export const declineOfferAction = asFormAction(
  defineAction(offerInput, { name: "waitlist-decline", auth: "customer" }, async ({ offerId }, { user }) => {
    await declineOffer(await getDb(), offerId, user.id);
    revalidatePath(`/waitlist/offers/${offerId}`);
    redirect(`/waitlist/offers/${offerId}`);
  }),
);

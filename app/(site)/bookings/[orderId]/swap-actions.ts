"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { pendingSwapOfOrder } from "@/db/queries/adjustments";
import { appUrl } from "@/lib/app-url";
import { cancelSeats } from "@/lib/booking/cancel-seats";
import { abandonPendingSwap } from "@/lib/booking/swap/close-swap";
import { quoteSwap, startSwap } from "@/lib/booking/swap/start-swap";
import { viewableOrder } from "@/lib/booking/viewable-order";
import { AppError, toFailure } from "@/lib/errors";
import { asFormAction, defineAction } from "@/lib/handlers/define-action";
import { limitCheckout } from "@/lib/rate-limit/actions";

// Issue 21: a customer changes their own paid booking. Every action checks here that the
// signed-in user owns the order (an admin may view it, but only its customer changes it).

async function ownOrder(orderId: string, userId: string) {
  const { detail } = await viewableOrder(orderId);
  if (detail.order.userId !== userId) throw new AppError("not_found", "That booking does not exist.");
  return detail;
}

const swapInput = z.object({ orderId: z.uuid(), showId: z.uuid() });

const swapContinue = asFormAction(
  defineAction(swapInput, { name: "swap-continue", auth: "customer", holder: "read" }, async ({ orderId, showId }, { user, holder }) => {
    await ownOrder(orderId, user.id);
    try {
      if (!holder) throw new AppError("gone", "Your seats are no longer held. Please choose them again.");
      await quoteSwap(await getDb(), { orderId, userId: user.id, toShowId: showId, holder });
    } catch (err) {
      redirect(`/bookings/${orderId}/swap/${showId}?error=${toFailure(err).code}`);
    }
    redirect(`/bookings/${orderId}/swap/${showId}/review`);
  }),
);

/**
 * The swap seat map's Continue: the held seats are checked and the customer sees the difference.
 * The page binds the booking (`swapContinueAction.bind(null, orderId)`), so the seat map's form
 * sends only what every showtime's does; the order is checked as any posted id would be.
 */
export async function swapContinueAction(orderId: string, formData: FormData): Promise<void> {
  // Anything but the bound id and a form (a forged call) goes on as it came and is refused by the input check.
  if (formData instanceof FormData && typeof orderId === "string") formData.set("orderId", orderId);
  await swapContinue(formData);
}

/** Confirms the swap: pay the difference at Checkout, or done at once (a refund when cheaper). */
export const confirmSwapAction = asFormAction(
  defineAction(swapInput, { name: "swap-confirm", auth: "customer", holder: "read" }, async ({ orderId, showId }, { user, holder }) => {
    await ownOrder(orderId, user.id);
    let url: string;
    let swapId: string;
    try {
      if (!holder) throw new AppError("gone", "Your seats are no longer held. Please choose them again.");
      await limitCheckout(user.id);
      ({ url, swapId } = await startSwap(await getDb(), { orderId, userId: user.id, toShowId: showId, holder }, await appUrl()));
    } catch (err) {
      redirect(`/bookings/${orderId}/swap/${showId}?error=${toFailure(err).code}`);
    }
    revalidatePath(`/bookings/${orderId}`);
    redirect(url.endsWith(`/bookings/${orderId}`) ? `${url}?swap=${swapId}` : url);
  }),
);

/** Gives up a swap still waiting for its payment: the new seats go, the booking stays as it was. */
export const cancelSwapAction = defineAction(z.object({ orderId: z.uuid() }), { name: "swap-cancel", auth: "customer" }, async ({ orderId }, { user }) => {
  await ownOrder(orderId, user.id);
  const db = await getDb();
  const pending = await pendingSwapOfOrder(db, orderId);
  const result = pending ? await abandonPendingSwap(db, pending) : "not_pending";
  revalidatePath(`/bookings/${orderId}`);
  return { result };
});

/** Cancels some seats of the booking; the rest keep their tickets. */
export const cancelSeatsAction = defineAction(
  z.object({ orderId: z.uuid(), seatIds: z.array(z.string().min(1).max(64)).min(1, "Choose the seats to cancel.").max(50) }),
  { name: "cancel-seats", auth: "customer" },
  async ({ orderId, seatIds }, { user }) => {
    await ownOrder(orderId, user.id);
    const outcome = await cancelSeats(await getDb(), { orderId, seatIds });
    revalidatePath(`/bookings/${orderId}`);
    return outcome;
  },
);

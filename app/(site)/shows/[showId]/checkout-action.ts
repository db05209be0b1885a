"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { currentUser } from "@/lib/auth/current-user";
import { readHolderId } from "@/lib/booking/holder";
import { startCheckout } from "@/lib/booking/start-checkout";
import { AppError, toFailure } from "@/lib/errors";
import { measureAction } from "@/lib/metrics";
import { limitCheckout } from "@/lib/rate-limit/actions";

const input = z.object({ showId: z.uuid() });

/**
 * The seat map's Continue button. Signed-out customers are sent to sign in first and come back
 * to the same show: their holder cookie survives sign-in, so the seats are still theirs.
 */
export const checkoutAction = measureAction("checkout", async (formData: FormData): Promise<void> => {
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/");
  const { showId } = parsed.data;
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/shows/${showId}`)}`);
  const holder = await readHolderId();
  let url: string;
  try {
    if (!holder) throw new AppError("gone", "Your seats are no longer held. Please choose them again.");
    await limitCheckout(user.id);
    ({ url } = await startCheckout(await getDb(), showId, { holder, userId: user.id, email: user.email }, await appUrl()));
  } catch (err) {
    redirect(`/shows/${showId}?error=${encodeURIComponent(toFailure(err).message)}`);
  }
  redirect(url);
});

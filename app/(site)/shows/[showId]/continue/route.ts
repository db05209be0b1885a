import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { currentUser } from "@/lib/auth/current-user";
import { readHolderId } from "@/lib/booking/holder";
import { startCheckout } from "@/lib/booking/start-checkout";
import { AppError, toFailure } from "@/lib/errors";
import { defineRoute } from "@/lib/handlers/define-route";
import { limitCheckout } from "@/lib/rate-limit/actions";
import { continuePath, seatIdsFrom } from "@/lib/seat-map/continue-path";

// Where the magic link of a sign-in started at Continue lands: straight on to checkout with the
// seats this browser holds, no second Continue. If the hold ran out meanwhile, the showtime page
// says so and offers the same seats (`seats`, named by the sign-in page) again when still free.
// Public: a visitor who is not signed in is sent to sign in and back here.
export const GET = defineRoute<"public", { showId: string }>("/shows/[showId]/continue", { auth: "public" }, async (req, { params }) => {
  const { showId } = await params;
  if (!z.uuid().safeParse(showId).success) throw new AppError("not_found", "No such show.");
  const seatIds = seatIdsFrom(new URL(req.url).searchParams.get("seats"));
  const user = await currentUser();
  if (!user) redirect(`/sign-in?${new URLSearchParams({ next: continuePath(showId, seatIds) })}`);
  const holder = await readHolderId();
  let url: string;
  try {
    if (!holder) throw new AppError("gone", "Your seats are no longer held.");
    await limitCheckout(user.id);
    ({ url } = await startCheckout(await getDb(), showId, { holder, userId: user.id, email: user.email }, await appUrl()));
  } catch (err) {
    const code = toFailure(err).code;
    if (code === "gone" && seatIds.length > 0) redirect(`/shows/${showId}?${new URLSearchParams({ resume: seatIds.join(",") })}`);
    redirect(`/shows/${showId}?error=${code}`);
  }
  redirect(url);
});

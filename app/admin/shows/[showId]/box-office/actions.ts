"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { boxOfficeSaleSchema, sellAtBoxOffice } from "@/lib/booking/box-office-sale";
import { holdSeats, releaseSeats } from "@/lib/booking/holds";
import { releaseHouseSeats, releaseHouseSeatsSchema, reserveHouseSeats, reserveHouseSeatsSchema } from "@/lib/booking/house-seats";
import { assertInScope } from "@/lib/admin/assert-in-scope";
import { AppError } from "@/lib/errors";
import { defineAction } from "@/lib/handlers/define-action";

// The box office counter: the customer seat map's holds, under the staff member's own holder id
// (so a counter and a customer can never take the same seat), sold through the one lifecycle.
// Each checks the show is of the staff member's theaters here: holdSeats and the rest are the
// customer side's too, and know nothing of admin scope.
const seatsInput = z.object({
  showId: z.uuid({ message: "That is not a show id." }),
  seatIds: z.array(z.uuid({ message: "That is not a seat id." })).min(1, "Choose at least one seat.").max(50),
});
const showInput = z.object({ showId: z.uuid({ message: "That is not a show id." }) });

const counterPath = (showId: string) => `/admin/shows/${showId}/box-office`;
const noHolds = () => new AppError("gone", "No seats are held at this counter. Choose them on the map first.");

// Staff at the counter are never sent to a high-demand show's waiting line (issue 22): admitted.
export const boxOfficeHoldAction = defineAction(seatsInput, { name: "box-office-hold", auth: "admin", holder: "ensure" }, async (input, { user, holder }) => {
  await assertInScope(user, "show", input.showId);
  return holdSeats(await getDb(), input, holder, new Date(), { admitted: true });
});

export const boxOfficeReleaseAction = defineAction(seatsInput, { name: "box-office-release", auth: "admin", holder: "read" }, async (input, { user, holder }) => {
  await assertInScope(user, "show", input.showId);
  return holder ? releaseSeats(await getDb(), input, holder) : { mine: [], expiresAt: null };
});

/** The map's Continue: on to the payment step, which reads the counter's holds itself. */
export const boxOfficeContinueAction = defineAction(showInput, { name: "box-office-continue", auth: "admin" }, async ({ showId }, { user }) => {
  await assertInScope(user, "show", showId);
  redirect(`${counterPath(showId)}/pay`);
});

/** Cash or card terminal taken: the tickets are issued, then the receipt page (print / emailed). */
export const sellAtBoxOfficeAction = defineAction(boxOfficeSaleSchema, { name: "box-office-sale", auth: "admin", holder: "read" }, async (input, { user, holder }) => {
  await assertInScope(user, "show", input.showId);
  if (!holder) throw noHolds();
  const sale = await sellAtBoxOffice(await getDb(), user, holder, input);
  revalidatePath(counterPath(input.showId));
  redirect(`${counterPath(input.showId)}/sold/${sale.orderId}`);
});

export const reserveHouseSeatsAction = defineAction(reserveHouseSeatsSchema, { name: "reserve-house-seats", auth: "admin", holder: "read" }, async (input, { user, holder }) => {
  await assertInScope(user, "show", input.showId);
  if (!holder) throw noHolds();
  const result = await reserveHouseSeats(await getDb(), user, holder, input);
  revalidatePath(counterPath(input.showId));
  return result;
});

export const releaseHouseSeatsAction = defineAction(releaseHouseSeatsSchema, { name: "release-house-seats", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "show", input.showId);
  const result = await releaseHouseSeats(await getDb(), user, input);
  revalidatePath(counterPath(input.showId));
  return result;
});

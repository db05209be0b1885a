"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { AdminActor } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";
import { assertInScope } from "@/lib/admin/assert-in-scope";
import { defineAction } from "@/lib/handlers/define-action";
import { limitCheckIn } from "@/lib/rate-limit/actions";
import { admitBooking, admitTicket, doorShow, lookUpAtDoor } from "@/lib/tickets/check-in";
import { looksLikeTicketCode } from "@/lib/tickets/code";

// Door staff scan a code, or type one, a booking reference, a seat ("g12") or a customer's name
// into one field: a code admits its ticket at once; anything else finds the show's bookings,
// whose tickets are then admitted with admitBookingAction. Staff = admins for now.

const doorInput = z.object({ showId: z.uuid(), code: z.string().trim().min(1, "Enter a code, reference, seat or name.").max(200) });

async function showOrRefuse(user: AdminActor, showId: string) {
  await assertInScope(user, "show", showId);
  const show = await doorShow(await getDb(), showId);
  if (!show) throw new AppError("not_found", "No such show.");
  return show;
}

export const admitAction = defineAction(doorInput, { name: "check-in", auth: "admin" }, async ({ showId, code }, { user }) => {
  await limitCheckIn(user.id);
  const show = await showOrRefuse(user, showId);
  if (looksLikeTicketCode(code)) return { kind: "code" as const, ...(await admitTicket(await getDb(), code, show, user)) };
  const lookup = await lookUpAtDoor(await getDb(), show, code);
  if (!lookup) throw new AppError("bad_input", "Type at least two letters of a name, a booking reference or a seat like G12.");
  return { kind: "lookup" as const, ...lookup };
});

const admitBookingInput = z.object({
  showId: z.uuid(),
  orderId: z.string().trim().min(1).max(64),
  // Omitted: every ticket of the booking still to come in.
  ticketIds: z.array(z.uuid()).min(1).max(200).optional(),
});

export const admitBookingAction = defineAction(admitBookingInput, { name: "check-in-booking", auth: "admin" }, async ({ showId, orderId, ticketIds }, { user }) => {
  await limitCheckIn(user.id);
  const show = await showOrRefuse(user, showId);
  const result = await admitBooking(await getDb(), show, orderId, ticketIds ?? "all", user);
  if (!result) throw new AppError("not_found", "That booking is not for this show.");
  return result;
});

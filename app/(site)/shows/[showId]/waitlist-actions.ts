"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { defineAction } from "@/lib/handlers/define-action";
import { joinWaitlist, leaveWaitlist } from "@/lib/booking/waitlist/entries";

// Signed-in customers only: the page hides the buttons from visitors, but that protects
// nothing. The user always comes from the session, never from the form.
const waitlistInput = z.object({ showId: z.uuid({ message: "That is not a show id." }) });
// Issue 21: the party's size (checked against the per-order limit by joinWaitlist), its tier, and
// whether seats apart will do. Omitted: one seat, any tier, together.
const joinInput = waitlistInput.extend({
  partySize: z.coerce.number().int().min(1, "Choose at least 1 seat.").max(50).optional(),
  tier: z.string().max(40).optional(),
  acceptApart: z.boolean().optional(),
});

export const joinWaitlistAction = defineAction(joinInput, { name: "join-waitlist", auth: "customer", holder: "read" }, async ({ showId, ...party }, { user, holder }) => {
  return joinWaitlist(await getDb(), showId, user, holder, party);
});

export const leaveWaitlistAction = defineAction(waitlistInput, { name: "leave-waitlist", auth: "customer" }, async ({ showId }, { user }) => {
  return leaveWaitlist(await getDb(), showId, user.id);
});

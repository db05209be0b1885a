"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { defineAction } from "@/lib/handlers/define-action";
import { joinWaitlist, leaveWaitlist } from "@/lib/booking/waitlist/entries";

// Signed-in customers only: the page hides the buttons from visitors, but that protects
// nothing. The user always comes from the session, never from the form.
const waitlistInput = z.object({ showId: z.uuid({ message: "That is not a show id." }) });

export const joinWaitlistAction = defineAction(waitlistInput, { name: "join-waitlist", auth: "customer", holder: "read" }, async ({ showId }, { user, holder }) => {
  return joinWaitlist(await getDb(), showId, user, holder);
});

export const leaveWaitlistAction = defineAction(waitlistInput, { name: "leave-waitlist", auth: "customer" }, async ({ showId }, { user }) => {
  return leaveWaitlist(await getDb(), showId, user.id);
});

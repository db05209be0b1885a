"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { readHolderId } from "@/lib/booking/holder";
import { defineAction } from "@/lib/safe-action";
import { joinWaitlist, leaveWaitlist } from "@/lib/waitlist/entries";

// Signed-in customers only, checked here: the page hides the buttons from visitors, but that
// protects nothing. The user always comes from the session, never from the form.
const waitlistInput = z.object({ showId: z.uuid({ message: "That is not a show id." }) });

export const joinWaitlistAction = defineAction(waitlistInput, async ({ showId }) => {
  const user = await requireUser();
  return joinWaitlist(await getDb(), showId, user, await readHolderId());
});

export const leaveWaitlistAction = defineAction(waitlistInput, async ({ showId }) => {
  const user = await requireUser();
  return leaveWaitlist(await getDb(), showId, user.id);
});

"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { defineAction } from "@/lib/handlers/define-action";
import { limitCheckIn } from "@/lib/rate-limit/actions";
import { admitTicket } from "@/lib/tickets/check-in";

// Door staff scan or type a code; admitting is atomic in admitTicket. Staff = admins for now.
const admitInput = z.object({ showId: z.uuid(), code: z.string().trim().min(1, "Enter a ticket code.").max(200) });

export const admitAction = defineAction(admitInput, { name: "check-in", auth: "admin" }, async ({ showId, code }, { user }) => {
  await limitCheckIn(user.id);
  const result = await admitTicket(await getDb(), code, showId, user.id);
  return result.result === "already_admitted" ? { ...result, admittedAt: result.admittedAt.toISOString() } : result;
});

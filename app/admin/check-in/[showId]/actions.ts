"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireAdmin } from "@/lib/auth/current-user";
import { admitTicket } from "@/lib/tickets/check-in";
import { defineAction } from "@/lib/safe-action";
import { measureAction } from "@/lib/metrics";
import { limitCheckIn } from "@/lib/rate-limit/actions";

// Door staff scan or type a code; admitting is atomic in admitTicket. Staff = admins for now.
export const admitAction = measureAction("check-in", defineAction(
  z.object({ showId: z.uuid(), code: z.string().trim().min(1, "Enter a ticket code.").max(200) }),
  async ({ showId, code }) => {
    const staff = await requireAdmin();
    await limitCheckIn(staff.id);
    const result = await admitTicket(await getDb(), code, showId, staff.id);
    return result.result === "already_admitted" ? { ...result, admittedAt: result.admittedAt.toISOString() } : result;
  },
));

"use server";
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/authz";
import { actionResult, parseAdminInput } from "@/lib/admin/action-result";
import { cancelShow } from "@/lib/booking/cancel-show";
import { scheduleShows } from "@/lib/catalog/schedule-shows";
import { scheduleShowsSchema, showIdSchema } from "@/lib/catalog/show-input";

export async function scheduleShowsAction(raw: unknown) {
  return actionResult(async () => {
    const actor = await requireAdmin();
    const result = await scheduleShows(actor, parseAdminInput(scheduleShowsSchema, raw));
    revalidatePath("/", "layout");
    return result;
  });
}

/** Cancels the show and refunds every paid order of it (each customer is emailed). */
export async function cancelShowAction(raw: unknown) {
  return actionResult(async () => {
    const actor = await requireAdmin();
    const { showId } = parseAdminInput(showIdSchema, raw);
    const result = await cancelShow(actor, { showId });
    revalidatePath("/", "layout");
    return result;
  });
}

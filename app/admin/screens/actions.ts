"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/authz";
import { actionResult, parseAdminInput } from "@/lib/admin/action-result";
import { createScreen } from "@/lib/venue/create-screen";
import { saveLayoutSchema } from "@/lib/venue/layout-types";
import { saveLayout } from "@/lib/venue/save-layout";
import { createScreenSchema } from "@/lib/venue/screen-input";

export async function createScreenAction(raw: unknown) {
  const result = await actionResult(async () => {
    const actor = await requireAdmin();
    return createScreen(actor, parseAdminInput(createScreenSchema, raw));
  });
  if (!result.ok) return result;
  revalidatePath("/admin/screens");
  redirect(`/admin/screens/${result.data.id}/layout`);
}

/** The whole edited layout in one call: the server diffs it against the stored seats. */
export async function saveLayoutAction(raw: unknown) {
  return actionResult(async () => {
    const actor = await requireAdmin();
    const saved = await saveLayout(actor, parseAdminInput(saveLayoutSchema, raw));
    revalidatePath("/admin/screens");
    revalidatePath("/shows", "layout");
    return saved;
  });
}

"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createScreen } from "@/lib/venue/create-screen";
import { saveLayoutSchema } from "@/lib/venue/layout-types";
import { saveLayout } from "@/lib/venue/save-layout";
import { createScreenSchema } from "@/lib/venue/screen-input";
import { assertInScope } from "@/lib/admin/assert-in-scope";
import { defineAction } from "@/lib/handlers/define-action";

export const createScreenAction = defineAction(createScreenSchema, { name: "create-screen", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "theater", input.theaterId);
  const screen = await createScreen(user, input);
  revalidatePath("/admin/screens");
  redirect(`/admin/screens/${screen.id}/layout`);
});

/** The whole edited layout in one call: the server diffs it against the stored seats. */
export const saveLayoutAction = defineAction(saveLayoutSchema, { name: "save-layout", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "screen", input.screenId);
  const saved = await saveLayout(user, input);
  revalidatePath("/admin/screens");
  revalidatePath("/shows", "layout");
  return saved;
});

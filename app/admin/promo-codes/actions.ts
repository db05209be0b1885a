"use server";
import { revalidatePath } from "next/cache";
import { assertInScope } from "@/lib/admin/assert-in-scope";
import { defineAction } from "@/lib/handlers/define-action";
import { promoCodeSchema, retirePromoCodeSchema } from "@/lib/pricing-admin/promo-code-input";
import { savePromoCodeFromForm, setPromoCodeRetiredFromForm } from "@/lib/pricing-admin/save-promo-code";

export const savePromoCodeAction = defineAction(promoCodeSchema, { name: "save-promo-code", auth: "admin" }, async (input, { user }) => {
  // An edited code must be of this theater: savePromoCodeFromForm refuses one that is not.
  await assertInScope(user, "theater", input.theaterId);
  const result = await savePromoCodeFromForm(user, input);
  revalidatePath("/admin/promo-codes");
  return result;
});

export const retirePromoCodeAction = defineAction(retirePromoCodeSchema, { name: "retire-promo-code", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "promoCode", input.id);
  const result = await setPromoCodeRetiredFromForm(user, input);
  revalidatePath("/admin/promo-codes");
  return result;
});

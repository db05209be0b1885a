"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertInScope } from "@/lib/admin/assert-in-scope";
import { defineAction } from "@/lib/handlers/define-action";
import { feesAndTaxSchema } from "@/lib/pricing-admin/fees-and-tax-input";
import { checkbox } from "@/lib/pricing-admin/form-values";
import { priceCardSchema } from "@/lib/pricing-admin/price-card-input";
import { savePriceCardFromForm, setPriceCardRetiredFromForm } from "@/lib/pricing-admin/save-price-card";
import { saveFeesAndTax } from "@/lib/pricing-admin/save-fees-and-tax";
import { addTicketType, moveTicketType, setTicketTypeRetired, updateTicketTypeFields } from "@/lib/pricing-admin/save-ticket-type";
import { addTicketTypeSchema, moveTicketTypeSchema, retireTicketTypeSchema, updateTicketTypeSchema } from "@/lib/pricing-admin/ticket-type-input";

// Prices show on every show page, so a change revalidates the whole site.
const changed = () => revalidatePath("/", "layout");

export const addTicketTypeAction = defineAction(addTicketTypeSchema, { name: "add-ticket-type", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "theater", input.theaterId);
  const result = await addTicketType(user, input);
  changed();
  return result;
});

export const updateTicketTypeAction = defineAction(updateTicketTypeSchema, { name: "update-ticket-type", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "ticketType", input.id);
  const result = await updateTicketTypeFields(user, input);
  changed();
  return result;
});

export const moveTicketTypeAction = defineAction(moveTicketTypeSchema, { name: "move-ticket-type", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "ticketType", input.id);
  const result = await moveTicketType(user, input);
  changed();
  return result;
});

export const retireTicketTypeAction = defineAction(retireTicketTypeSchema, { name: "retire-ticket-type", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "ticketType", input.id);
  const result = await setTicketTypeRetired(user, input);
  changed();
  return result;
});

export const savePriceCardAction = defineAction(priceCardSchema, { name: "save-price-card", auth: "admin" }, async (input, { user }) => {
  // An edited card must be of this theater: savePriceCardFromForm refuses one that is not.
  await assertInScope(user, "theater", input.theaterId);
  const result = await savePriceCardFromForm(user, input);
  changed();
  return result;
});

export const retirePriceCardAction = defineAction(z.object({ id: z.string().min(1), retired: checkbox }), { name: "retire-price-card", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "priceCard", input.id);
  const result = await setPriceCardRetiredFromForm(user, input);
  changed();
  return result;
});

export const saveFeesAndTaxAction = defineAction(feesAndTaxSchema, { name: "save-fees-and-tax", auth: "admin" }, async (input, { user }) => {
  await assertInScope(user, "theater", input.theaterId);
  const result = await saveFeesAndTax(user, input);
  changed();
  return result;
});

"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/handlers/define-action";
import { theaterFieldsSchema, updateTheaterSchema } from "@/lib/venue/theater-input";
import { createTheater, updateTheater } from "@/lib/venue/save-theater";

// The chain's theaters: chain admins only ("chain"), site managers are refused.

export const createTheaterAction = defineAction(theaterFieldsSchema, { name: "create-theater", auth: "chain" }, async (input, { user }) => {
  const theater = await createTheater(user, input);
  revalidatePath("/", "layout");
  return theater;
});

export const updateTheaterAction = defineAction(updateTheaterSchema, { name: "update-theater", auth: "chain" }, async (input, { user }) => {
  const theater = await updateTheater(user, input);
  revalidatePath("/", "layout");
  return theater;
});

"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { theaterById } from "@/db/queries/venue";
import { assertInScope } from "@/lib/admin/assert-in-scope";
import { rememberAdminTheater } from "@/lib/admin/current-theater";
import { AppError } from "@/lib/errors";
import { defineAction } from "@/lib/handlers/define-action";

// The nav's theater switcher (issue 19): which theater the single-theater admin pages show.
const chooseInput = z.object({
  theaterId: z.string().trim().min(1, "Choose a theater.").max(64),
  // Back to the admin page the switcher was on; anything else goes to the dashboard.
  back: z
    .string()
    .max(300)
    .optional()
    .transform((v) => (v && /^\/admin(\/[\w\-/]*)?$/.test(v) ? v : "/admin")),
});

export const chooseAdminTheaterAction = defineAction(chooseInput, { name: "choose-admin-theater", auth: "admin" }, async ({ theaterId, back }, { user }) => {
  await assertInScope(user, "theater", theaterId);
  if (!(await theaterById(await getDb(), theaterId))) throw new AppError("not_found", "That theater was not found.");
  await rememberAdminTheater(theaterId);
  redirect(back);
});

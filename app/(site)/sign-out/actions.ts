"use server";

import { z } from "zod";
import { signOut } from "@/lib/auth/auth-js";
import { safeRedirectPath } from "@/lib/auth/redirect-target";
import { asFormAction, defineAction } from "@/lib/handlers/define-action";

/**
 * Ends the database session (Auth.js deletes the row and clears the cookie), then goes on.
 * Public: signing out when already signed out just goes on.
 */
export const signOutAction = asFormAction(defineAction(z.object({ redirectTo: z.string().max(2048).optional() }), { name: "sign-out", auth: "public" }, async ({ redirectTo }) => {
  await signOut({ redirectTo: safeRedirectPath(redirectTo) });
}));

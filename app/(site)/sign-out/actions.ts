"use server";

import { signOut } from "@/lib/auth/auth-js";
import { safeRedirectPath } from "@/lib/auth/redirect-target";

/** Ends the database session (Auth.js deletes the row and clears the cookie), then goes on. */
export async function signOutAction(formData: FormData): Promise<void> {
  await signOut({ redirectTo: safeRedirectPath(formData.get("redirectTo")?.toString()) });
}

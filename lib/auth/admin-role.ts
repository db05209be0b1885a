import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { grantAdminByEmail, promoteToAdminByEmail, type GrantAdminResult } from "@/db/queries/users";
import { AppError } from "@/lib/errors";

export type { GrantAdminResult } from "@/db/queries/users";

export const adminEmailSchema = z.email({ error: "Enter a valid email address." });

/**
 * The first-admin rule: a user whose email is in ADMIN_EMAILS becomes admin when they sign in.
 * It only ever promotes; taking the role away is an admin decision, made in the admin pages.
 */
export async function promoteListedAdmin(db: Db, email: string | null | undefined, adminEmails: readonly string[]): Promise<boolean> {
  const normalized = email?.trim().toLowerCase();
  if (!normalized || !adminEmails.includes(normalized)) return false;
  return promoteToAdminByEmail(db, normalized);
}

/** Makes `email` an admin, creating the account when nobody has signed in with it yet. */
export async function grantAdmin(db: Db, rawEmail: string): Promise<GrantAdminResult> {
  const parsed = adminEmailSchema.safeParse(rawEmail.trim().toLowerCase());
  if (!parsed.success) throw new AppError("bad_input", `"${rawEmail}" is not an email address.`);
  return grantAdminByEmail(db, parsed.data);
}

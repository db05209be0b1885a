import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";

export const adminEmailSchema = z.email({ error: "Enter a valid email address." });

// Auth.js stores magic-link emails lowercased, but an OAuth provider may report mixed case,
// so every lookup by email compares lowercased.
const sameEmail = (email: string) => eq(sql`lower(${users.email})`, email);

/**
 * The first-admin rule: a user whose email is in ADMIN_EMAILS becomes admin when they sign in.
 * It only ever promotes; taking the role away is an admin decision, made in the admin pages.
 */
export async function promoteListedAdmin(db: Db, email: string | null | undefined, adminEmails: readonly string[]): Promise<boolean> {
  const normalized = email?.trim().toLowerCase();
  if (!normalized || !adminEmails.includes(normalized)) return false;
  const promoted = await db
    .update(users)
    .set({ role: "admin" })
    .where(and(sameEmail(normalized), ne(users.role, "admin")))
    .returning({ id: users.id });
  return promoted.length > 0;
}

export type GrantAdminResult = { outcome: "created" | "promoted" | "already-admin"; userId: string; email: string };

/** Makes `email` an admin, creating the account when nobody has signed in with it yet. */
export async function grantAdmin(db: Db, rawEmail: string): Promise<GrantAdminResult> {
  const parsed = adminEmailSchema.safeParse(rawEmail.trim().toLowerCase());
  if (!parsed.success) throw new AppError("bad_input", `"${rawEmail}" is not an email address.`);
  const email = parsed.data;
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id, role: users.role, email: users.email }).from(users).where(sameEmail(email)).limit(1);
    if (existing?.role === "admin") return { outcome: "already-admin", userId: existing.id, email: existing.email ?? email };
    if (existing) {
      await tx.update(users).set({ role: "admin" }).where(eq(users.id, existing.id));
      return { outcome: "promoted", userId: existing.id, email: existing.email ?? email };
    }
    const [created] = await tx.insert(users).values({ email, role: "admin" }).returning({ id: users.id });
    return { outcome: "created", userId: created.id, email };
  });
}

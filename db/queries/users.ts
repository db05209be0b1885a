import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users } from "../schema";

// Accounts and their role. Auth.js stores magic-link emails lowercased, but an OAuth provider may
// report mixed case, so every lookup by email compares lowercased (callers pass `email` lowercased).
const sameEmail = (email: string) => eq(sql`lower(${users.email})`, email);

/** Makes the account with this email an admin; false when there is none or it already is one. */
export async function promoteToAdminByEmail(db: Db, email: string): Promise<boolean> {
  const promoted = await db
    .update(users)
    .set({ role: "admin" })
    .where(and(sameEmail(email), ne(users.role, "admin")))
    .returning({ id: users.id });
  return promoted.length > 0;
}

export type GrantAdminResult = { outcome: "created" | "promoted" | "already-admin"; userId: string; email: string };

/** Makes `email` an admin in one transaction, creating the account when nobody has signed in with it yet. */
export async function grantAdminByEmail(db: Db, email: string): Promise<GrantAdminResult> {
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

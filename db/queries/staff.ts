import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { theaterManagers, theaters, users } from "../schema";

// Staff roles (issue 19): chain admins ("admin") and site managers ("manager") with the
// theaters they run. Emails are compared lowercased (see users.ts); callers pass them so.

export type StaffRole = "admin" | "manager";

/** Everyone with a staff role, chain admins first, each with the theaters they manage (by name). */
export async function staffMembers(db: Db) {
  const [people, managed] = await Promise.all([
    db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role })
      .from(users)
      .where(inArray(users.role, ["admin", "manager"]))
      .orderBy(asc(users.role), asc(users.email)),
    db
      .select({ userId: theaterManagers.userId, theaterId: theaters.id, theaterName: theaters.name })
      .from(theaterManagers)
      .innerJoin(theaters, eq(theaters.id, theaterManagers.theaterId))
      .orderBy(asc(theaters.name)),
  ]);
  return people.map((p) => ({ ...p, role: p.role as StaffRole, theaters: managed.filter((m) => m.userId === p.id).map((m) => ({ id: m.theaterId, name: m.theaterName })) }));
}

/** The account with this (lowercased) email, locked until the transaction ends. */
export async function lockUserByEmail(tx: Tx, email: string) {
  const [row] = await tx.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(sql`lower(${users.email})`, email)).limit(1).for("update");
  return row ?? null;
}

export async function lockUserById(tx: Tx, userId: string) {
  const [row] = await tx.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.id, userId)).limit(1).for("update");
  return row ?? null;
}

/**
 * The chain admins' ids, their rows locked: two admins changing each other's roles at once take
 * turns, and the second sees what the first did.
 */
export async function lockChainAdminIds(tx: Tx): Promise<string[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).orderBy(asc(users.id)).for("update");
  return rows.map((r) => r.id);
}

export async function setUserRole(tx: Tx, userId: string, role: "customer" | StaffRole): Promise<void> {
  await tx.update(users).set({ role }).where(eq(users.id, userId));
}

/** The theaters a user is listed as manager of, with their names. */
export function managedTheatersOf(db: Db | Tx, userId: string) {
  return db
    .select({ id: theaters.id, name: theaters.name })
    .from(theaterManagers)
    .innerJoin(theaters, eq(theaters.id, theaterManagers.theaterId))
    .where(eq(theaterManagers.userId, userId))
    .orderBy(asc(theaters.name));
}

export async function addManagedTheaters(tx: Tx, userId: string, theaterIds: readonly string[], grantedBy: string): Promise<void> {
  if (theaterIds.length) await tx.insert(theaterManagers).values(theaterIds.map((theaterId) => ({ userId, theaterId, grantedBy }))).onConflictDoNothing();
}

export async function removeManagedTheaters(tx: Tx, userId: string, theaterIds: readonly string[]): Promise<void> {
  if (theaterIds.length) await tx.delete(theaterManagers).where(and(eq(theaterManagers.userId, userId), inArray(theaterManagers.theaterId, [...theaterIds])));
}

import "server-only";
import { getDb, type Tx } from "@/db/client";
import { addManagedTheaters, lockChainAdminIds, lockUserByEmail, lockUserById, managedTheatersOf, removeManagedTheaters, setUserRole } from "@/db/queries/staff";
import { theatersIn } from "@/db/queries/theaters";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, fieldError } from "@/lib/errors";
import type { AdminActor } from "./session-user";
import type { RevokeStaffRoleInput, SetStaffRoleInput } from "./staff-input";
import { assertChainAdmin } from "./theater-scope";

// Giving and taking staff roles (issue 19), chain admins only. Each change is one transaction
// with its audit rows: one per theater a site manager gains or loses (so each theater's log
// shows who was given access to it), one without a theater for the chain admin role.

type Person = { id: string; email: string | null; role: "customer" | "admin" | "manager" };

/**
 * Locks the chain admins' rows (always first, so two changes never deadlock) and refuses an actor
 * who stopped being a chain admin while waiting for them.
 */
async function lockAsChainAdmin(tx: Tx, actor: AdminActor) {
  const admins = await lockChainAdminIds(tx);
  if (!admins.includes(actor.id)) throw new AppError("forbidden", "Only chain admins can do that.");
}

/** Nobody changes their own role: they could lock themselves out and leave the chain with no admin. */
function refuseSelf(actor: AdminActor, target: Person) {
  if (target.id === actor.id) throw fieldError("email", "You cannot change your own role: ask another chain admin.");
}

const who = (p: Person) => p.email ?? "someone";

async function auditManagerChanges(tx: Tx, actor: AdminActor, person: Person, added: { id: string; name: string }[], removed: { id: string; name: string }[]) {
  for (const t of added) {
    await recordAudit(tx, actor, "staff.grant", { type: "user", id: person.id, theaterId: t.id }, { email: person.email, role: "manager", theater: t.name });
  }
  for (const t of removed) {
    await recordAudit(tx, actor, "staff.revoke", { type: "user", id: person.id, theaterId: t.id }, { email: person.email, role: "manager", theater: t.name });
  }
}

export type StaffChange = { userId: string; email: string; role: "customer" | "admin" | "manager"; changed: boolean };

/**
 * Makes the person with this email a chain admin, or a site manager of exactly the theaters
 * chosen. They must have signed in once (their account exists): a typo never creates staff.
 */
export async function setStaffRole(actor: AdminActor, input: SetStaffRoleInput): Promise<StaffChange> {
  assertChainAdmin(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockAsChainAdmin(tx, actor);
    const person = await lockUserByEmail(tx, input.email);
    if (!person) throw fieldError("email", `No one has signed in as ${input.email} yet. Ask them to sign in once, then give them the role.`);
    refuseSelf(actor, person);
    const before = await managedTheatersOf(tx, person.id);

    if (input.role === "admin") {
      if (person.role === "admin") return { userId: person.id, email: who(person), role: "admin", changed: false };
      await setUserRole(tx, person.id, "admin");
      // A chain admin runs every theater: their old list would only confuse a later demotion.
      await removeManagedTheaters(tx, person.id, before.map((t) => t.id));
      await recordAudit(tx, actor, "staff.grant", { type: "user", id: person.id, theaterId: null }, { email: person.email, role: "admin", from: person.role });
      return { userId: person.id, email: who(person), role: "admin", changed: true };
    }

    const wanted = [...new Set(input.theaterIds)];
    const found = await theatersIn(tx, wanted);
    if (found.length !== wanted.length) throw fieldError("theaterIds", "One of the chosen theaters does not exist (any more). Reload the page and choose again.");
    const added = found.filter((t) => !before.some((b) => b.id === t.id));
    const removed = before.filter((b) => !wanted.includes(b.id));
    if (person.role === "manager" && added.length === 0 && removed.length === 0) return { userId: person.id, email: who(person), role: "manager", changed: false };
    if (person.role !== "manager") await setUserRole(tx, person.id, "manager");
    if (person.role === "admin") {
      await recordAudit(tx, actor, "staff.revoke", { type: "user", id: person.id, theaterId: null }, { email: person.email, role: "admin" });
    }
    await removeManagedTheaters(tx, person.id, removed.map((t) => t.id));
    await addManagedTheaters(tx, person.id, added.map((t) => t.id), actor.id);
    await auditManagerChanges(tx, actor, person, added, removed);
    return { userId: person.id, email: who(person), role: "manager", changed: true };
  });
}

/** Takes every staff role away: the person is a customer again, at once (their next request). */
export async function revokeStaffRole(actor: AdminActor, input: RevokeStaffRoleInput): Promise<StaffChange> {
  assertChainAdmin(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockAsChainAdmin(tx, actor);
    const person = await lockUserById(tx, input.userId);
    if (!person || person.role === "customer") throw new AppError("not_found", "That person has no staff role.");
    refuseSelf(actor, person);
    const before = await managedTheatersOf(tx, person.id);
    await setUserRole(tx, person.id, "customer");
    await removeManagedTheaters(tx, person.id, before.map((t) => t.id));
    if (person.role === "admin") {
      await recordAudit(tx, actor, "staff.revoke", { type: "user", id: person.id, theaterId: null }, { email: person.email, role: "admin" });
    }
    await auditManagerChanges(tx, actor, person, [], before);
    return { userId: person.id, email: who(person), role: "customer", changed: true };
  });
}

import { AppError } from "@/lib/errors";
import type { AdminActor, TheaterScope } from "./session-user";

// The one theater-scope rule (issue 19): a chain admin may touch every theater, a site manager
// only theirs. Something of another theater is answered exactly like something that does not
// exist (404, nothing changed), so a site manager cannot even learn which ids are real.

/** True when the actor may manage this theater. */
export function managesTheater(actor: { scope: TheaterScope }, theaterId: string | null | undefined): boolean {
  if (!theaterId) return false;
  return actor.scope.all || actor.scope.theaterIds.includes(theaterId);
}

/**
 * Refuses (not_found) unless the actor manages the theater. `theaterId` is what a resolver of
 * db/queries/theater-scope.ts found for the thing asked for: null (no such thing) is refused too.
 */
export function assertManagesTheater(actor: { scope: TheaterScope }, theaterId: string | null | undefined, what = "That"): asserts theaterId is string {
  if (!managesTheater(actor, theaterId)) throw new AppError("not_found", `${what} was not found.`);
}

/** The theater ids a list query is limited to, or null for every theater (a chain admin). */
export function scopedTheaterIds(actor: { scope: TheaterScope }): readonly string[] | null {
  return actor.scope.all ? null : actor.scope.theaterIds;
}

/** Chain-wide things (movies, theaters, staff roles) are for chain admins only. */
export function assertChainAdmin(actor: AdminActor): void {
  if (!actor.scope.all) throw new AppError("forbidden", "Only chain admins can do that.");
}

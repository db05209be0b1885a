import "server-only";
import { and, asc, count, eq, inArray, isNotNull, isNull, lte, notExists } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { orders, users, waitlistEntries, waitlistReleases } from "../schema";

export async function waitlistEntryOf(db: Db, showId: string, userId: string) {
  const [entry] = await db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.showId, showId), eq(waitlistEntries.userId, userId)))
    .limit(1);
  return entry ?? null;
}

/** How many still wait for a show, up to and including `position` when given. */
export async function waitingCount(db: Db, showId: string, upToPosition?: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.showId, showId), isNull(waitlistEntries.notifiedAt), upToPosition === undefined ? undefined : lte(waitlistEntries.position, upToPosition)));
  return row.n;
}

/**
 * Puts a user on a show's waitlist: an entry already emailed is replaced by a new one at the
 * back; an entry still waiting keeps its place.
 */
export async function joinWaitlistEntry(db: Db, showId: string, userId: string) {
  await db.transaction(async (tx) => {
    await tx.delete(waitlistEntries).where(and(eq(waitlistEntries.showId, showId), eq(waitlistEntries.userId, userId), isNotNull(waitlistEntries.notifiedAt)));
    await tx.insert(waitlistEntries).values({ showId, userId }).onConflictDoNothing({ target: [waitlistEntries.showId, waitlistEntries.userId] });
  });
}

export async function deleteWaitlistEntry(db: Db, showId: string, userId: string) {
  await db.delete(waitlistEntries).where(and(eq(waitlistEntries.showId, showId), eq(waitlistEntries.userId, userId)));
}

/** Records a release under its key; false when the key was already recorded (a replay). */
export async function recordWaitlistRelease(db: Db | Tx, release: { key: string; showId: string; seats: number }): Promise<boolean> {
  const rows = await db.insert(waitlistReleases).values(release).onConflictDoNothing().returning({ key: waitlistReleases.key });
  return rows.length > 0;
}

/**
 * The first `limit` entries still waiting for a show, in join order, locked (skipping entries
 * another release has locked), with the address to write to. Someone who has since bought
 * tickets for this show got what they waited for and is left out.
 */
export function nextWaitingEntries(tx: Tx, showId: string, limit: number) {
  return tx
    .select({ id: waitlistEntries.id, email: users.email })
    .from(waitlistEntries)
    .innerJoin(users, eq(users.id, waitlistEntries.userId))
    .where(
      and(
        eq(waitlistEntries.showId, showId),
        isNull(waitlistEntries.notifiedAt),
        isNotNull(users.email),
        notExists(
          tx
            .select({ one: orders.id })
            .from(orders)
            .where(and(eq(orders.userId, waitlistEntries.userId), eq(orders.showId, showId), eq(orders.status, "paid"))),
        ),
      ),
    )
    .orderBy(asc(waitlistEntries.position))
    .limit(limit)
    .for("update", { of: waitlistEntries, skipLocked: true });
}

/** Marks entries emailed for a release, and the release with how many it reached. */
export async function markWaitlistNotified(tx: Tx, releaseKey: string, entryIds: string[], at: Date) {
  await tx.update(waitlistEntries).set({ notifiedAt: at, notifiedFor: releaseKey }).where(inArray(waitlistEntries.id, entryIds));
  await tx.update(waitlistReleases).set({ notified: entryIds.length }).where(eq(waitlistReleases.key, releaseKey));
}

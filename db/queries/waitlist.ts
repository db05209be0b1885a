import "server-only";
import { and, asc, count, eq, gt, isNotNull, isNull, lt, lte, notExists, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { orders, shows, users, waitlistEntries, waitlistOffers } from "../schema";

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
export type PartyWish = { partySize: number; tier: string | null; acceptApart: boolean };

export async function joinWaitlistEntry(db: Db, showId: string, userId: string, party: PartyWish = { partySize: 1, tier: null, acceptApart: false }) {
  await db.transaction(async (tx) => {
    await tx.delete(waitlistEntries).where(and(eq(waitlistEntries.showId, showId), eq(waitlistEntries.userId, userId), isNotNull(waitlistEntries.notifiedAt)));
    // Still waiting: the place is kept, and what the party asks for is updated.
    await tx
      .insert(waitlistEntries)
      .values({ showId, userId, ...party })
      .onConflictDoUpdate({ target: [waitlistEntries.showId, waitlistEntries.userId], set: party });
  });
}

export async function deleteWaitlistEntry(db: Db, showId: string, userId: string) {
  await db.delete(waitlistEntries).where(and(eq(waitlistEntries.showId, showId), eq(waitlistEntries.userId, userId)));
}




// Seated offers (issue 21).

/** Parties still waiting for a show, in join order, with what they asked for; buyers left out. */
export function waitingParties(db: Db, showId: string) {
  return db
    .select({
      id: waitlistEntries.id,
      userId: waitlistEntries.userId,
      email: users.email,
      name: users.name,
      partySize: waitlistEntries.partySize,
      tier: waitlistEntries.tier,
      acceptApart: waitlistEntries.acceptApart,
    })
    .from(waitlistEntries)
    .innerJoin(users, eq(users.id, waitlistEntries.userId))
    .where(
      and(
        eq(waitlistEntries.showId, showId),
        isNull(waitlistEntries.notifiedAt),
        isNotNull(users.email),
        notExists(
          db
            .select({ one: orders.id })
            .from(orders)
            .where(and(eq(orders.userId, waitlistEntries.userId), eq(orders.showId, showId), eq(orders.status, "paid"))),
        ),
      ),
    )
    .orderBy(asc(waitlistEntries.position));
}

/**
 * Claims a waiting entry for an offer inside the offer's transaction: locked, skipping an entry
 * another instance is offering right now; false when it is locked or was offered already.
 */
export async function claimWaitingEntry(tx: Tx, entryId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: waitlistEntries.id })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.id, entryId), isNull(waitlistEntries.notifiedAt)))
    .for("update", { skipLocked: true });
  return rows.length > 0;
}

export async function insertWaitlistOffer(tx: Tx, offer: typeof waitlistOffers.$inferInsert, at: Date) {
  const [row] = await tx.insert(waitlistOffers).values(offer).returning();
  await tx.update(waitlistEntries).set({ notifiedAt: at, notifiedFor: `offer:${row.id}` }).where(eq(waitlistEntries.id, offer.entryId));
  return row;
}

export async function offerById(db: Db, offerId: string) {
  const [row] = await db
    .select({ offer: waitlistOffers, userId: waitlistEntries.userId, partySize: waitlistEntries.partySize })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .where(eq(waitlistOffers.id, offerId))
    .limit(1);
  return row ?? null;
}

/** Moves an open offer to its end state; null when it was not open any more (someone else moved it). */
export async function closeOpenOffer(db: Db, offerId: string, status: "taken" | "declined" | "expired", at: Date) {
  const [row] = await db
    .update(waitlistOffers)
    .set({ status, closedAt: at })
    .where(and(eq(waitlistOffers.id, offerId), eq(waitlistOffers.status, "open")))
    .returning();
  return row ?? null;
}

export async function setOfferOrder(db: Db, offerId: string, orderId: string) {
  await db.update(waitlistOffers).set({ orderId }).where(eq(waitlistOffers.id, offerId));
}

export function expiredOpenOffers(db: Db, now: Date, limit = 100) {
  return db
    .select()
    .from(waitlistOffers)
    .where(and(eq(waitlistOffers.status, "open"), lt(waitlistOffers.expiresAt, now)))
    .orderBy(asc(waitlistOffers.expiresAt))
    .limit(limit);
}

/** Shows still ahead that have a party waiting: what the sweep looks at. */
export async function showsWithWaitingParties(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ showId: waitlistEntries.showId })
    .from(waitlistEntries)
    .innerJoin(shows, eq(shows.id, waitlistEntries.showId))
    .where(and(isNull(waitlistEntries.notifiedAt), eq(shows.status, "scheduled"), gt(shows.startsAt, now)));
  return rows.map((r) => r.showId);
}

/** An order's offer, when the checkout came from one: the timeline shows it. */
export async function offersOfOrder(db: Db, orderId: string) {
  return db.select().from(waitlistOffers).where(eq(waitlistOffers.orderId, orderId));
}

/**
 * Seats sold through waitlist offers (paid orders that came from one): the dashboard's figure, at
 * the theaters listed (issue 19), or everywhere when `theaterIds` is null.
 */
export async function seatsResoldThroughWaitlist(db: Db, theaterIds: readonly string[] | null = null): Promise<number> {
  if (theaterIds?.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(waitlistOffers)
    .innerJoin(orders, eq(orders.id, waitlistOffers.orderId))
    .innerJoin(sql`order_seats os`, sql`os.order_id = ${orders.id} and os.cancelled_at is null`)
    .where(
      and(
        eq(orders.status, "paid"),
        theaterIds ? sql`${orders.showId} in (select sh.id from shows sh join screens sc on sc.id = sh.screen_id where sc.theater_id in ${[...theaterIds]})` : undefined,
      ),
    );
  return row?.n ?? 0;
}

import "server-only";
import { and, count, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { waitlistEntries } from "@/db/schema";
import { bookableShow } from "@/lib/booking/show-guard";
import { AppError } from "@/lib/errors";
import { freeSeatCount } from "./free-seats";

// A customer's place on a show's waitlist. Every function takes the user id that scopes it; the
// caller (a server action) has taken it from the session, never from the form.

export type WaitlistStatus =
  | { state: "none" }
  | { state: "waiting"; place: number; joinedAt: Date }
  | { state: "notified"; notifiedAt: Date };

export async function waitlistStatus(db: Db, showId: string, userId: string): Promise<WaitlistStatus> {
  const [entry] = await db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.showId, showId), eq(waitlistEntries.userId, userId)))
    .limit(1);
  if (!entry) return { state: "none" };
  if (entry.notifiedAt) return { state: "notified", notifiedAt: entry.notifiedAt };
  const [ahead] = await db
    .select({ n: count() })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.showId, showId), isNull(waitlistEntries.notifiedAt), lte(waitlistEntries.position, entry.position)));
  return { state: "waiting", place: ahead.n, joinedAt: entry.joinedAt };
}

/**
 * Joins the waitlist of a sold-out show that can still be booked. Already waiting: keeps the
 * place. Already emailed about earlier seats: a new entry at the back, so the next seats that
 * come back can reach this customer again.
 */
export async function joinWaitlist(db: Db, showId: string, user: { id: string; email: string }, holder: string | null, now = new Date()): Promise<WaitlistStatus> {
  if (!user.email) throw new AppError("bad_input", "Your account has no email address for us to write to.");
  await bookableShow(db, showId, now);
  if ((await freeSeatCount(db, showId, holder)) > 0) {
    throw new AppError("conflict", "Seats are available right now: choose them on the seat map.");
  }
  await db.transaction(async (tx) => {
    await tx.delete(waitlistEntries).where(and(eq(waitlistEntries.showId, showId), eq(waitlistEntries.userId, user.id), isNotNull(waitlistEntries.notifiedAt)));
    await tx.insert(waitlistEntries).values({ showId, userId: user.id }).onConflictDoNothing({ target: [waitlistEntries.showId, waitlistEntries.userId] });
  });
  return waitlistStatus(db, showId, user.id);
}

/** Leaves the waitlist (or forgets a past email); only the caller's own entry is touched. */
export async function leaveWaitlist(db: Db, showId: string, userId: string): Promise<WaitlistStatus> {
  await db.delete(waitlistEntries).where(and(eq(waitlistEntries.showId, showId), eq(waitlistEntries.userId, userId)));
  return { state: "none" };
}

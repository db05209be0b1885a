import "server-only";
import type { Db } from "@/db/client";
import { deleteWaitlistEntry, joinWaitlistEntry, waitingCount, waitlistEntryOf } from "@/db/queries/waitlist";
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
  const entry = await waitlistEntryOf(db, showId, userId);
  if (!entry) return { state: "none" };
  if (entry.notifiedAt) return { state: "notified", notifiedAt: entry.notifiedAt };
  return { state: "waiting", place: await waitingCount(db, showId, entry.position), joinedAt: entry.joinedAt };
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
  await joinWaitlistEntry(db, showId, user.id);
  return waitlistStatus(db, showId, user.id);
}

/** Leaves the waitlist (or forgets a past email); only the caller's own entry is touched. */
export async function leaveWaitlist(db: Db, showId: string, userId: string): Promise<WaitlistStatus> {
  await deleteWaitlistEntry(db, showId, userId);
  return { state: "none" };
}

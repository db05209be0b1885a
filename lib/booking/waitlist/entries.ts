import "server-only";
import type { Db } from "@/db/client";
import { deleteWaitlistEntry, joinWaitlistEntry, waitingCount, waitlistEntryOf, type PartyWish } from "@/db/queries/waitlist";
import { env } from "@/lib/env";
import { bookableShow } from "@/lib/booking/show-guard";
import { AppError } from "@/lib/errors";
import { freeSeatCount } from "./free-seats";

// A customer's place on a show's waitlist. Every function takes the user id that scopes it; the
// caller (a server action) has taken it from the session, never from the form.

export type WaitlistStatus =
  | { state: "none" }
  | { state: "waiting"; place: number; joinedAt: Date; partySize: number; tier: string | null; acceptApart: boolean }
  | { state: "notified"; notifiedAt: Date };

export async function waitlistStatus(db: Db, showId: string, userId: string): Promise<WaitlistStatus> {
  const entry = await waitlistEntryOf(db, showId, userId);
  if (!entry) return { state: "none" };
  if (entry.notifiedAt) return { state: "notified", notifiedAt: entry.notifiedAt };
  return {
    state: "waiting",
    place: await waitingCount(db, showId, entry.position),
    joinedAt: entry.joinedAt,
    partySize: entry.partySize,
    tier: entry.tier,
    acceptApart: entry.acceptApart,
  };
}

/**
 * Joins the waitlist of a sold-out show that can still be booked. Already waiting: keeps the
 * place. Already emailed about earlier seats: a new entry at the back, so the next seats that
 * come back can reach this customer again.
 */
export async function joinWaitlist(
  db: Db,
  showId: string,
  user: { id: string; email: string },
  holder: string | null,
  party: Partial<PartyWish> = {},
  now = new Date(),
): Promise<WaitlistStatus> {
  if (!user.email) throw new AppError("bad_input", "Your account has no email address for us to write to.");
  const show = await bookableShow(db, showId, now);
  const wish: PartyWish = { partySize: party.partySize ?? 1, tier: party.tier || null, acceptApart: party.acceptApart ?? false };
  const max = env().MAX_SEATS_PER_ORDER;
  if (!Number.isInteger(wish.partySize) || wish.partySize < 1 || wish.partySize > max) {
    throw new AppError("bad_input", `A party can wait for 1 to ${max} seats.`, { fields: { partySize: [`Choose 1 to ${max} seats.`] } });
  }
  if (wish.tier && show.prices[wish.tier] === undefined) throw new AppError("bad_input", "That seating tier is not sold for this show.", { fields: { tier: ["Choose a tier this show sells."] } });
  if ((await freeSeatCount(db, showId, holder)) > 0) {
    throw new AppError("conflict", "Seats are available right now: choose them on the seat map.");
  }
  await joinWaitlistEntry(db, showId, user.id, wish);
  return waitlistStatus(db, showId, user.id);
}

/** Leaves the waitlist (or forgets a past email); only the caller's own entry is touched. */
export async function leaveWaitlist(db: Db, showId: string, userId: string): Promise<WaitlistStatus> {
  await deleteWaitlistEntry(db, showId, userId);
  return { state: "none" };
}

import "server-only";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { RateLimitedError } from "@/lib/rate-limit/enforce";
import { getSeatLocks, type ClaimLimit } from "@/lib/seat-locks";
import type { HoldOutput } from "@/lib/seat-map/types";
import { NOT_ADMITTED, waitingRoomPath } from "@/lib/waiting-room/messages";
import { unavailableSeatIdsOfShow } from "@/db/queries/show-seats";
import { seatIdsOfShow } from "./seat-ids";
import { refreshShowFacts } from "./show-facts";

export const holdWindowMs = () => env().SEAT_HOLD_MINUTES * 60_000;

/**
 * Seats of the show the holder holds right now, in the layout's order. The lock store answers
 * from the holder's own index, so this costs the same in a 5,000-seat arena as in a small room;
 * the (cached) layout drops a seat that is no longer in use.
 */
export async function heldBy(db: Db, showId: string, holder: string): Promise<string[]> {
  const [all, mine] = await Promise.all([seatIdsOfShow(db, showId), getSeatLocks().heldBy(showId, holder)]);
  if (!mine.length) return [];
  const held = new Set(mine);
  return all.filter((id) => held.has(id));
}

export type HoldOptions = {
  /** The rate limits to count in the same step (lib/rate-limit holdLimits); none when omitted. */
  limits?: ClaimLimit[];
  /** The caller showed a valid admission for this show (lib/waiting-room); needed while its waiting room is on. */
  admitted?: boolean;
};

/**
 * Adds seats to the holder's hold for a show, all or nothing. Every change re-holds the whole
 * selection for one fresh window, so all of a customer's seats share one countdown.
 * Refused, with nothing changed: unknown seats, a cancelled or started show, sold seats, seats
 * held by someone else, more than the per-order limit, no admission while the waiting room is on.
 * One call to the lock store (one Redis round trip) judges all of that from the show's facts;
 * only when those are missing are they read from Postgres first (lib/booking/show-facts.ts).
 */
export async function holdSeats(db: Db, input: { showId: string; seatIds: string[] }, holder: string, now = new Date(), options: HoldOptions = {}): Promise<HoldOutput> {
  const request = {
    showId: input.showId,
    seatIds: input.seatIds,
    holder,
    ttlMs: holdWindowMs(),
    maxSeats: env().MAX_SEATS_PER_ORDER,
    limits: options.limits ?? [],
    admitted: options.admitted ?? false,
    now: now.getTime(),
  };
  let result = await getSeatLocks().claim(request);
  if (!result.ok && result.reason === "no_facts") {
    if (!(await refreshShowFacts(db, input.showId))) throw new AppError("not_found", "That show does not exist.");
    result = await getSeatLocks().claim(request);
  }
  if (!result.ok && result.reason === "sold" && (await staleSold(db, input.showId, result.seats))) {
    // A "sold" fact Postgres does not back (a refund's unmark overtaken by a late fulfilment's
    // mark, say) would refuse those seats for good: only this refusal path reads Postgres, and
    // the facts are rebuilt from it before the one retry.
    await refreshShowFacts(db, input.showId);
    result = await getSeatLocks().claim(request);
  }
  if (result.ok) return { mine: result.mine, expiresAt: result.expiresAt };
  switch (result.reason) {
    case "no_facts":
      throw new AppError("unavailable", "Seat selection is paused for a moment. Please try again.");
    case "cancelled":
      throw new AppError("conflict", "This show has been cancelled.");
    case "started":
      throw new AppError("gone", "This show has already started.");
    case "not_admitted":
      throw new AppError("forbidden", NOT_ADMITTED, { waitingRoom: waitingRoomPath(input.showId) });
    case "rate_limited":
      throw new RateLimitedError("seat requests", result.retryAfterSeconds);
    case "unknown":
      throw new AppError("bad_input", "Some of those seats are not in this show's screen.", { unknown: result.seats });
    case "not_on_sale":
      throw new AppError("conflict", `Seats in the ${result.tier} tier are not on sale for this show.`, { tier: result.tier });
    case "sold":
      throw new AppError("conflict", `Sorry, ${describe(result.seats)} ${result.seats.length === 1 ? "is" : "are"} already sold.`, { taken: result.seats.map((s) => s.id) });
    case "too_many": {
      const max = env().MAX_SEATS_PER_ORDER;
      throw new AppError("bad_input", `You can choose up to ${max} seats in one order.`, { limit: max });
    }
    case "taken":
      throw new AppError("conflict", `Sorry, ${describe(result.seats)} ${result.seats.length === 1 ? "was" : "were"} just taken by someone else.`, {
        taken: result.seats.map((s) => s.id),
      });
  }
}

/**
 * Lets go of seats; only the holder's own locks are touched. The rest keep their window. One
 * lock-store call releases and answers what is still held (a seat retired from the layout since
 * it was held stays listed until its lock runs out; checkout drops it).
 */
export async function releaseSeats(_db: Db, input: { showId: string; seatIds: string[] }, holder: string): Promise<HoldOutput> {
  return getSeatLocks().releaseAndList(input.showId, [...new Set(input.seatIds)], holder);
}

/** True when some seat the facts call sold is free in Postgres (no live ticket, not a house seat). */
async function staleSold(db: Db, showId: string, seats: { id: string }[]): Promise<boolean> {
  const unavailable = new Set(await unavailableSeatIdsOfShow(db, showId));
  return seats.some((s) => !unavailable.has(s.id));
}

function describe(seats: { label: string }[]): string {
  return seats.length ? seats.map((s) => s.label).join(", ") : "those seats";
}

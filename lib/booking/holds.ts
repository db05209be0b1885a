import "server-only";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getSeatLocks } from "@/lib/seat-locks";
import type { HoldOutput } from "@/lib/seat-map/types";
import { assertOnSale } from "./on-sale";
import { assertBookable, holdRequestFacts } from "./show-guard";
import { seatIdsOfShow } from "./seat-ids";
import { seatLabel } from "./seat-label";

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

/**
 * Adds seats to the holder's hold for a show, all or nothing. Every change re-holds the whole
 * selection for one fresh window, so all of a customer's seats share one countdown.
 * Refused, with nothing changed: unknown seats, a cancelled or started show, sold seats, seats
 * held by someone else, more than the per-order limit.
 */
export async function holdSeats(db: Db, input: { showId: string; seatIds: string[] }, holder: string, now = new Date()): Promise<HoldOutput> {
  // Both reads at once, judged in order: the show first, then the seats, then what is sold.
  const [facts, mine] = await Promise.all([holdRequestFacts(db, input.showId, input.seatIds), heldBy(db, input.showId, holder)]);
  const show = assertBookable(facts.show, now);
  if (facts.unknown.length) throw new AppError("bad_input", "Some of those seats are not in this show's screen.", { unknown: facts.unknown });
  const wanted = facts.seats;
  assertOnSale(show.prices, wanted);
  const sold = wanted.filter((s) => s.sold).map((s) => s.id);
  if (sold.length) {
    throw new AppError("conflict", `Sorry, ${describe(wanted, sold)} ${sold.length === 1 ? "is" : "are"} already sold.`, { taken: sold });
  }
  const selection = [...new Set([...mine, ...wanted.map((s) => s.id)])];
  const max = env().MAX_SEATS_PER_ORDER;
  if (selection.length > max) {
    throw new AppError("bad_input", `You can choose up to ${max} seats in one order.`, { limit: max });
  }
  const result = await getSeatLocks().hold(show.id, selection, holder, holdWindowMs());
  if (!result.ok) {
    throw new AppError("conflict", `Sorry, ${describe(wanted, result.taken)} ${result.taken.length === 1 ? "was" : "were"} just taken by someone else.`, {
      taken: result.taken,
    });
  }
  return { mine: selection, expiresAt: result.expiresAt };
}

/** Lets go of seats; only the holder's own locks are touched. The rest keep their window. */
export async function releaseSeats(db: Db, input: { showId: string; seatIds: string[] }, holder: string): Promise<HoldOutput> {
  const store = getSeatLocks();
  await store.release(input.showId, [...new Set(input.seatIds)], holder);
  const mine = await heldBy(db, input.showId, holder);
  return { mine, expiresAt: mine.length ? await store.expiry(input.showId, mine, holder) : null };
}

function describe(seatRows: { id: string; rowLabel: string; number: number }[], ids: string[]): string {
  const labels = seatRows.filter((s) => ids.includes(s.id)).map((s) => seatLabel(s.rowLabel, s.number));
  return labels.length ? labels.join(", ") : "those seats";
}

// Best available's work on the client: the search and the holds and releases that make its answer
// the selection. Loaded on the first "Find seats" (use-seat-booking.ts): most customers tap seats,
// so neither the search nor this sequencing is in the showtime page's first-load JavaScript.
import type { ActionResult } from "@/lib/errors";
import { bestAvailable } from "@/lib/seat-map/best-available";
import type { HoldOutput, MapLayout } from "@/lib/seat-map/types";
import { applyHoldOutput, effectiveStates, idsInState, isMine, isTaken, revertOps, startOps, takenFromFailure, type BookingStore } from "./booking-store";
import type { HoldAction, Tone } from "./use-seat-booking";

/** What the booking hook lends best available: its store, its queue and its messages. */
export type BookingParts = {
  layout: MapLayout;
  maxSeats: number;
  hold: HoldAction;
  release: HoldAction;
  latest: { current: BookingStore };
  nextToken: { current: number };
  setStore: (update: (s: BookingStore) => BookingStore) => void;
  notify: (tone: Tone, text: string) => void;
  enqueue: (job: () => Promise<void>) => void;
  call: (action: HoldAction, seatIds: string[]) => Promise<ActionResult<HoldOutput>>;
  notifyFailure: (result: ActionResult<unknown>, more?: string) => void;
};

/**
 * Picks the best seats for `count` and makes them the selection (holding first when the limit
 * allows). Returns the seats picked, or null when none could be.
 */
export function takeBest(parts: BookingParts, count: number, preferredTier: string | undefined, wheelchair: boolean): string[] | null {
  const { layout, maxSeats, hold, release, latest, nextToken, setStore, notify, enqueue, call, notifyFailure } = parts;
  const current = effectiveStates(latest.current);
  const mine = idsInState(current, isMine);
  const result = bestAvailable({ seats: layout.seats, tiers: layout.tiers, taken: idsInState(current, isTaken), count, preferredTier, wheelchair });
  if (!result.ok) {
    notify("error", result.message);
    return null;
  }
  const wanted = new Set(result.seatIds);
  const toHold = result.seatIds.filter((id) => current[id] !== "mine");
  const toRelease = mine.filter((id) => !wanted.has(id));
  const token = ++nextToken.current;
  setStore((s) => startOps(startOps(s, toHold, "hold", token), toRelease, "release", token));
  notify(result.partial ? "warning" : "info", result.message);
  // Holding first keeps the old seats if the new ones are gone, but the server counts old and
  // new together against the limit; past it, the old seats must go first.
  const holdFirst = mine.length + toHold.length <= maxSeats;
  enqueue(async () => {
    const doHold = async () => {
      if (toHold.length === 0) return true;
      const res = await call(hold, toHold);
      if (res.ok) {
        setStore((s) => applyHoldOutput(s, res.data, toHold, token));
        return true;
      }
      setStore((s) => revertOps(s, holdFirst ? [...toHold, ...toRelease] : toHold, token, takenFromFailure(res)));
      notifyFailure(res, ` Try "Find seats" again for another suggestion.`);
      return false;
    };
    const doRelease = async () => {
      if (toRelease.length === 0) return;
      const res = await call(release, toRelease);
      if (res.ok) setStore((s) => applyHoldOutput(s, res.data, toRelease, token));
      else {
        setStore((s) => revertOps(s, toRelease, token));
        notifyFailure(res);
      }
    };
    if (holdFirst) {
      if (await doHold()) await doRelease();
    } else {
      await doRelease();
      await doHold();
    }
  });
  return result.seatIds;
}

// The seat map's client state as pure transitions: what the server last said, plus taps still
// in flight (optimistic). Kept free of React so the merge rules are easy to read and test.
import type { ActionResult } from "@/lib/errors";
import type { HoldOutput, SeatSnapshot, SeatState } from "@/lib/seat-map/types";

export type PendingOp = { op: "hold" | "release"; token: number };

export type BookingStore = {
  /** Seat states as the server last reported them (absent = available). */
  server: Record<string, SeatState>;
  /** Seats whose hold or release is in flight; they show as the customer expects meanwhile. */
  pending: Record<string, PendingOp>;
  expiresAt: number | null;
};

export function initialStore(snapshot: SeatSnapshot): BookingStore {
  return { server: { ...snapshot.states }, pending: {}, expiresAt: snapshot.holdExpiresAt };
}

/** What the map shows: the server's states with in-flight taps applied. */
export function effectiveStates(store: BookingStore): Record<string, SeatState> {
  const ids = Object.keys(store.pending);
  if (ids.length === 0) return store.server;
  const out = { ...store.server };
  for (const id of ids) {
    if (store.pending[id].op === "hold") out[id] = "mine";
    else delete out[id];
  }
  return out;
}

export function startOps(store: BookingStore, ids: readonly string[], op: PendingOp["op"], token: number): BookingStore {
  const pending = { ...store.pending };
  for (const id of ids) pending[id] = { op, token };
  return { ...store, pending };
}

/**
 * Ends the in-flight ops of `token`. A later tap on the same seat has its own token and stays
 * pending, so tapping a seat twice quickly ends in the state of the second tap.
 */
function settle(pending: Record<string, PendingOp>, ids: readonly string[], token: number): Record<string, PendingOp> {
  const out = { ...pending };
  for (const id of ids) if (out[id]?.token === token) delete out[id];
  return out;
}

/** A successful hold or release: the server's list of my seats is the truth for "mine". */
export function applyHoldOutput(store: BookingStore, output: HoldOutput, ids: readonly string[], token: number): BookingStore {
  const server: Record<string, SeatState> = {};
  for (const [id, state] of Object.entries(store.server)) if (state !== "mine") server[id] = state;
  for (const id of output.mine) server[id] = "mine";
  return { server, pending: settle(store.pending, ids, token), expiresAt: output.expiresAt };
}

/** A failed op: the seats go back to what the server said, and seats it reports taken are marked. */
export function revertOps(store: BookingStore, ids: readonly string[], token: number, takenByOthers: readonly string[] = []): BookingStore {
  const server = { ...store.server };
  for (const id of takenByOthers) if (server[id] !== "sold") server[id] = "held";
  return { ...store, server, pending: settle(store.pending, ids, token) };
}

/** A polled snapshot replaces the server's view; in-flight taps keep showing. */
export function applySnapshot(store: BookingStore, snapshot: SeatSnapshot): BookingStore {
  return { server: { ...snapshot.states }, pending: store.pending, expiresAt: snapshot.holdExpiresAt };
}

export function idsInState(states: Record<string, SeatState>, wanted: (s: SeatState) => boolean): string[] {
  const out: string[] = [];
  for (const id in states) if (wanted(states[id])) out.push(id);
  return out;
}

export const isTaken = (s: SeatState) => s === "held" || s === "sold";
export const isMine = (s: SeatState) => s === "mine";

/** Seat ids the server said someone else has, from a failed hold. */
export function takenFromFailure(result: ActionResult<unknown>): string[] {
  if (result.ok) return [];
  const taken = result.details?.taken;
  return Array.isArray(taken) ? taken.filter((t): t is string => typeof t === "string") : [];
}

/** Seats that were mine and no longer are, and seats I was looking at that someone else took. */
export function snapshotLosses(before: Record<string, SeatState>, after: SeatSnapshot, watched: readonly string[]) {
  const lostMine = idsInState(before, isMine).filter((id) => after.states[id] !== "mine");
  const takenWatched = watched.filter((id) => before[id] === undefined && (after.states[id] === "held" || after.states[id] === "sold"));
  return { lostMine, takenWatched };
}

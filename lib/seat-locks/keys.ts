// Pure helpers shared by every backend, so they agree on keys and on what counts as bad input.

export function seatLockKey(showId: string, seatId: string): string {
  return `${LOCK_KEY_PREFIX}${showId}:${seatId}`;
}

/** The set of one holder's lock keys in a show (Redis backends): what heldBy reads. */
export function holderIndexKey(showId: string, holder: string): string {
  return `seat_holds:${showId}:${holder}`;
}

const LOCK_KEY_PREFIX = "seat_lock:";
/** The seat id of a lock key of this show, or null when the key is not one. */
export function seatIdOfLockKey(showId: string, key: string): string | null {
  const prefix = `${LOCK_KEY_PREFIX}${showId}:`;
  return key.startsWith(prefix) ? key.slice(prefix.length) : null;
}

/** Seat ids once each, in first-seen order: a repeated id must not count as two seats. */
export function uniqueSeatIds(seatIds: string[]): string[] {
  for (const id of seatIds) {
    if (typeof id !== "string" || id === "") throw new TypeError("seat ids must be non-empty strings");
  }
  return [...new Set(seatIds)];
}

export function checkHolder(holder: string): void {
  if (typeof holder !== "string" || holder === "") throw new TypeError("holder must be a non-empty string");
}

// Redis refuses PX 0 and fractions; refusing them everywhere keeps memory from accepting
// what production would reject.
export function checkTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new RangeError(`ttlMs must be a positive whole number, got ${ttlMs}`);
}

/** A show's facts (a hash: booking state, waiting room, one field per seat in use). */
export function showFactsKey(showId: string): string {
  return `show_facts:${showId}`;
}

/** The set of a show's sold seat ids. */
export function soldSeatsKey(showId: string): string {
  return `show_sold:${showId}`;
}

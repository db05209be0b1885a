export type SeatLockBackend = "memory" | "redis" | "upstash";

export type HoldResult = { ok: true; expiresAt: number } | { ok: false; taken: string[] };

/**
 * Seat holds for one show, keyed `seat_lock:<showId>:<seatId>` with the holder id as value.
 * Every backend keeps the same rules, checked by one contract suite:
 * - hold is all-or-nothing; seats the holder already has count as free and get the new TTL;
 *   on refusal nothing changes and `taken` lists the seats other holders have.
 * - release and extend only touch locks whose value is the caller's holder id, so a client whose
 *   hold already ran out can never free or stretch a lock someone else has taken since.
 * Times are epoch milliseconds; durations are milliseconds.
 */
export interface SeatLockStore {
  readonly kind: SeatLockBackend;
  hold(showId: string, seatIds: string[], holder: string, ttlMs: number): Promise<HoldResult>;
  /** Returns the seats actually released (those the holder still had). */
  release(showId: string, seatIds: string[], holder: string): Promise<string[]>;
  /** True only when the holder still has every seat; then all are extended, otherwise none. */
  extend(showId: string, seatIds: string[], holder: string, ttlMs: number): Promise<boolean>;
  /**
   * The seats of the show this holder holds now, whatever the size of the house: read from the
   * holder's own index (Redis: a set `seat_holds:<showId>:<holder>` kept by hold, release and
   * extend), each checked against its lock, so an expired or lost seat is never reported.
   */
  heldBy(showId: string, holder: string): Promise<string[]>;
  /** seatId → holder for the seats that are held, in one read. */
  holders(showId: string, seatIds: string[]): Promise<Map<string, string>>;
  /** When the first of the holder's locks among these seats runs out; null if it has none. */
  expiry(showId: string, seatIds: string[], holder: string): Promise<number | null>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

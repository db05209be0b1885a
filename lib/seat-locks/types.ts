export type SeatLockBackend = "memory" | "redis" | "upstash";

export type HoldResult = { ok: true; expiresAt: number } | { ok: false; taken: string[] };

/**
 * What a hold needs to know from Postgres, kept beside the locks so a hold never asks Postgres:
 * whether the show can be booked, its seats in use (tier, whether that tier is on sale, the
 * label a refusal names), the seats sold, and its waiting room. Written whole by a refresh (from
 * Postgres), sold marks added and removed by fulfilment and refunds. A stale fact can only make a
 * hold refuse or let one through that fulfilment then refunds: Postgres's unique live-seat index
 * stays the final guard.
 */
export type ShowFacts = {
  cancelled: boolean;
  startsAt: number;
  seats: { id: string; tier: string; label: string; onSale: boolean }[];
  sold: string[];
  /** A waiting room: from when holds need an admission, and how many are admitted per minute. */
  waitingRoom: { from: number; perMinute: number } | null;
};

/** One fixed-window rate limit a claim counts, as lib/rate-limit counts it (key already prefixed). */
export type ClaimLimit = { key: string; windowMs: number; limit: number; cost: number };

export type ClaimRequest = {
  showId: string;
  seatIds: string[];
  holder: string;
  ttlMs: number;
  /** Most seats one holder may have in a show. */
  maxSeats: number;
  limits: ClaimLimit[];
  /** The caller showed an admission for this show (checked by the caller, lib/waiting-room). */
  admitted: boolean;
  /** Epoch ms: what "started" and the waiting room are judged against. */
  now: number;
};

type Labelled = { id: string; label: string }[];

/** A claim's answer: held (the holder's whole selection), or why nothing changed. */
export type ClaimResult =
  | { ok: true; mine: string[]; expiresAt: number }
  | { ok: false; reason: "no_facts" | "cancelled" | "started" | "not_admitted" | "too_many" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; reason: "unknown"; seats: string[] }
  | { ok: false; reason: "not_on_sale"; tier: string }
  | { ok: false; reason: "sold" | "taken"; seats: Labelled };

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
  /**
   * A hold as one atomic step (one Redis round trip): the rate limits, the show facts (bookable,
   * seats known and on sale, none sold, admission when a waiting room is on), the holder's
   * current selection plus these seats within maxSeats, and all-or-nothing locks on the lot for
   * one fresh window. "no_facts" when the show's facts are missing: the caller rebuilds them.
   */
  claim(request: ClaimRequest): Promise<ClaimResult>;
  /** Releases the holder's own locks among these seats and answers, in the same step, what it still holds and until when. */
  releaseAndList(showId: string, seatIds: string[], holder: string): Promise<{ mine: string[]; expiresAt: number | null }>;
  /** Replaces the show's facts whole (a refresh from Postgres), kept until ttlMs from now. */
  putShowFacts(showId: string, facts: ShowFacts, ttlMs: number): Promise<void>;
  /** The show's facts, or null when there are none (test and waiting-room use; a hold never reads them apart). */
  showFacts(showId: string): Promise<ShowFacts | null>;
  /** Marks seats sold (sold: true) or back on sale; a no-op when the show has no facts (a refresh reads Postgres). */
  markSold(showId: string, seatIds: string[], sold: boolean): Promise<void>;
  /** Forgets the show's facts: the next hold rebuilds them. */
  dropShowFacts(showId: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type WaitingRoomConfig = { from: number; perMinute: number };

/** A visitor's place: admitted, or how many are ahead and about how long until their turn. */
export type Place = { place: number; admitted: boolean; ahead: number; waitMs: number };

/**
 * One line per show, shared by every instance (Redis) or one process (memory). Places are given
 * in order of arrival, one per visitor key (the account, else the holder cookie), kept until the
 * show is over; joining again answers the same place. Admission moves through the line at the
 * configured rate, starting at `from`, and never banks more than a second's worth while nobody
 * waits, so a lone visitor after the rush is let in at once without letting a later crowd in at once.
 */
export interface WaitingRoomStore {
  readonly kind: "memory" | "redis" | "upstash";
  join(showId: string, who: string, config: WaitingRoomConfig, now: number, keepMs: number): Promise<Place>;
  close(): Promise<void>;
}

/** How many are let in at once after a lull: one second's worth, at least one. */
export function burstOf(perMinute: number): number {
  return Math.max(1, Math.ceil(perMinute / 60));
}

/** A place, as seen with the admission cursor at `cursor` (fractional: admissions so far). */
export function placeOf(place: number, cursor: number, perMinute: number): Place {
  const admittedUpTo = Math.floor(cursor);
  if (place <= admittedUpTo) return { place, admitted: true, ahead: 0, waitMs: 0 };
  return { place, admitted: false, ahead: place - admittedUpTo - 1, waitMs: Math.ceil(((place - cursor) / perMinute) * 60_000) };
}

/** A show as the line sees it: whether it still sells, when it starts, its line if any. */
export type LineShow = { id: string; startsAt: number; bookable: boolean; room: WaitingRoomConfig | null };

import "server-only";
import { lineIsOn, takePlace } from "./admission";
import type { LineShow } from "./types";

// What the line page polls: the visitor's place, or the way in.

export type LineAnswer = {
  admitted: boolean;
  /** 1-based place in line (0 when no line is on). */
  place: number;
  /** How many are still ahead. */
  ahead: number;
  /** Estimated seconds until admission, rounded up. */
  waitSeconds: number;
  /** Where to go once admitted. */
  next: string;
  /** When to ask again: soon near the front, rarely far back, so a long line costs little. */
  retryAfterMs: number;
};

const MIN_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

export async function visitLine(show: LineShow, visitor: { holder: string; userId: string | null }, now = Date.now()): Promise<LineAnswer> {
  const next = `/shows/${show.id}`;
  // No line (not set, not started yet, or the show no longer sells): straight in.
  if (!show.bookable || !lineIsOn(show.room, now)) return { admitted: true, place: 0, ahead: 0, waitSeconds: 0, next, retryAfterMs: 0 };
  const place = await takePlace({ id: show.id, startsAt: show.startsAt, room: show.room }, visitor, now);
  const retryAfterMs = place.admitted ? 0 : Math.min(MAX_RETRY_MS, Math.max(MIN_RETRY_MS, Math.round(place.waitMs / 4)));
  return { admitted: place.admitted, place: place.place, ahead: place.ahead, waitSeconds: Math.ceil(place.waitMs / 1000), next, retryAfterMs };
}

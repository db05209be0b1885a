import "server-only";
import { lineIsOn, takePlace } from "./admission";
import type { LineShow } from "./types";

// What the line page polls: the visitor's place, or the way in. Answered by the line's front door
// (lib/booking/line-front-door.ts, in front of Next) and by the route behind it; both take the place here.

export type LineAnswer = {
  admitted: boolean;
  /** 1-based place in line (0 when no line is on). */
  place: number;
  /** How many are still ahead. */
  ahead: number;
  /** Estimated seconds until admission, rounded up. */
  waitSeconds: number;
  /** Admissions per minute (0 when no line is on): the page counts down between polls with it. */
  perMinute: number;
  /** Where to go once admitted. */
  next: string;
  /** When to ask again (0 once admitted). */
  retryAfterMs: number;
};

/**
 * When a waiting visitor asks again: when their place comes up. Admission moves at the set rate, so
 * the estimate is exact unless an admin changes the rate; places are spread over time by the rate
 * itself (one every 60,000 / perMinute ms), so the polls of a long line come a few at a time
 * instead of every few seconds each. Capped so a changed rate, or a stopped line, is seen within
 * MAX_RETRY_MS; the page counts down locally in between.
 */
const MIN_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;
/** Asked this much after the estimate, so the place has come up when the poll lands. */
const MARGIN_MS = 100;

export function retryAfter(waitMs: number): number {
  return Math.min(MAX_RETRY_MS, Math.max(MIN_RETRY_MS, waitMs + MARGIN_MS));
}

/**
 * The visitor's answer, and whether they are to be given the admission cookie now (their place
 * has come up in a line that is on; with no line, the seat map needs no admission).
 */
export async function visitLine(show: LineShow, visitor: { holder: string; userId: string | null }, now = Date.now()): Promise<{ answer: LineAnswer; admit: boolean }> {
  const next = `/shows/${show.id}`;
  // No line (not set, not started yet, or the show no longer sells): straight in.
  if (!show.bookable || !lineIsOn(show.room, now)) return { answer: { admitted: true, place: 0, ahead: 0, waitSeconds: 0, perMinute: 0, next, retryAfterMs: 0 }, admit: false };
  const place = await takePlace({ id: show.id, startsAt: show.startsAt, room: show.room }, visitor, now);
  const answer: LineAnswer = {
    admitted: place.admitted,
    place: place.place,
    ahead: place.ahead,
    waitSeconds: Math.ceil(place.waitMs / 1000),
    perMinute: show.room.perMinute,
    next,
    retryAfterMs: place.admitted ? 0 : retryAfter(place.waitMs),
  };
  return { answer, admit: place.admitted };
}

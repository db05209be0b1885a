// What a screen reader hears as the selection changes and the hold runs down. Pure.
import { describeSeats } from "./format";
import type { MapSeat } from "./types";

type Named = Pick<MapSeat, "row" | "number">;

/** "M13 added — 2 seats, $48.00"; "M13 released — 1 seat, $24.00"; both when one change did both. */
export function selectionAnnouncement(added: readonly Named[], released: readonly Named[], count: number, totalText: string): string | null {
  const parts: string[] = [];
  if (added.length > 0) parts.push(`${describeSeats(added)} added`);
  if (released.length > 0) parts.push(`${describeSeats(released)} released`);
  if (parts.length === 0) return null;
  return `${parts.join(", ")} — ${count === 0 ? "no seats" : `${count} ${count === 1 ? "seat" : "seats"}, ${totalText}`}`;
}

/** The minutes left at which the countdown is announced (the last minute has its own warning). */
export const ANNOUNCED_MINUTES = [5, 2] as const;

/**
 * The announced mark the hold is at: the smallest of ANNOUNCED_MINUTES it is within, or null
 * above them all (or once it has run out).
 */
export function countdownMark(remainingMs: number | null): number | null {
  if (remainingMs === null || remainingMs <= 0) return null;
  let mark: number | null = null;
  for (const m of ANNOUNCED_MINUTES) if (remainingMs <= m * 60_000) mark = m;
  return mark;
}

export function countdownAnnouncement(minutes: number): string {
  return `${minutes} minutes left to continue with these seats.`;
}

// Screen scheduling: a show occupies its screen from its start until its runtime plus the
// cleaning buffer have passed. Two shows on one screen may not occupy it at the same time.
// Pure; the scheduling action runs it inside a transaction that locks the screen.
import { addDays, zonedToUtc } from "@/lib/time";

export const CLEANING_MINUTES = 15;

export type Span = { start: Date; end: Date };
export type BookedShow = Span & { id: string; title: string };

/** [start, start + runtime + cleaning): what a new show at `start` keeps the screen busy for. */
export function showSpan(start: Date, runtimeMinutes: number): Span {
  return { start, end: new Date(start.getTime() + (runtimeMinutes + CLEANING_MINUTES) * 60_000) };
}

/** Half-open intervals: a show may start the minute the previous one's span ends. */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export type Clash = { index: number; shows: BookedShow[]; candidates: number[] };

/**
 * For each candidate span, the booked shows it intersects and the other candidates it
 * intersects (a long runtime repeated daily can meet itself). Only candidates that clash appear.
 */
export function findClashes(candidates: readonly Span[], booked: readonly BookedShow[]): Clash[] {
  const clashes: Clash[] = [];
  candidates.forEach((span, index) => {
    const shows = booked.filter((b) => spansOverlap(span, b));
    const others = candidates.flatMap((other, j) => (j !== index && spansOverlap(span, other) ? [j] : []));
    if (shows.length || others.length) clashes.push({ index, shows, candidates: others });
  });
  return clashes;
}

export type Showtime = { date: string; start: Date };

/** The same local wall-clock time on `days` consecutive local dates, each converted on its own (DST-safe). */
export function dailyShowtimes(firstDate: string, time: string, days: number, timeZone: string): Showtime[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(firstDate, i);
    return { date, start: zonedToUtc(date, time, timeZone) };
  });
}

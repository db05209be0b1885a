import "server-only";
import type { Db } from "@/db/client";
import { showById } from "@/db/queries/show-seats";
import { AppError } from "@/lib/errors";
import { isAdmitted, lineIsOn } from "@/lib/waiting-room/admission";
import { NOT_ADMITTED, waitingRoomPath } from "@/lib/waiting-room/messages";
import type { LineShow } from "@/lib/waiting-room/types";

// Which shows sell through a waiting line, for the seat map page, its polls and checkout (the hold
// itself reads it from the show facts). Every waiting visitor polls its place, so each instance
// keeps a show's answer for a few seconds instead of asking Postgres on every poll. On globalThis:
// the line's front door (line-front-door.ts) runs in instrumentation's copy of this module, and an
// admin's change must reach its cache too (forgetLineShow).
const TTL_MS = 3_000;
const SLOT = Symbol.for("marquee.line-show.cache");
// The read itself is kept, so the polls arriving together when an entry runs out share one query.
type Entry = { at: number; show: Promise<LineShow | null> };
const slot = globalThis as typeof globalThis & { [SLOT]?: Map<string, Entry> };
const cache = (slot[SLOT] ??= new Map());

export type { LineShow };

export function lineShow(db: Db, showId: string, now = Date.now()): Promise<LineShow | null> {
  const hit = cache.get(showId);
  if (hit && now - hit.at < TTL_MS) return hit.show;
  for (const [key, entry] of cache) if (now - entry.at >= TTL_MS) cache.delete(key);
  const entry: Entry = { at: now, show: readLineShow(db, showId, now) };
  cache.set(showId, entry);
  // A failed read is not kept: the next caller asks again.
  entry.show.catch(() => cache.get(showId) === entry && cache.delete(showId));
  return entry.show;
}

async function readLineShow(db: Db, showId: string, now: number): Promise<LineShow | null> {
  const row = await showById(db, showId);
  return row
    ? {
        id: row.id,
        startsAt: row.startsAt.getTime(),
        bookable: row.status === "scheduled" && row.startsAt.getTime() > now,
        room: row.waitingRoomFrom && row.admissionPerMinute ? { from: row.waitingRoomFrom.getTime(), perMinute: row.admissionPerMinute } : null,
      }
    : null;
}

/** After an admin changes a show's waiting room: this instance answers the new setting at once. */
export function forgetLineShow(showId: string): void {
  cache.delete(showId);
}

/** True when the visitor may see the seat map and book: no line on, or a valid admission. */
export async function mayEnter(db: Db, showId: string, holder: string | null, now = Date.now()): Promise<boolean> {
  const show = await lineShow(db, showId, now);
  if (!show || !lineIsOn(show.room, now) || !show.bookable) return true;
  return isAdmitted(showId, holder, now);
}

/** Refuses a visitor without an admission while the show's line is on, with the way back to it. */
export async function assertAdmitted(db: Db, showId: string, holder: string | null, now = Date.now()): Promise<void> {
  if (!(await mayEnter(db, showId, holder, now))) throw new AppError("forbidden", NOT_ADMITTED, { waitingRoom: waitingRoomPath(showId) });
}

/** Is the show selling through its line right now? */
export function lineOpen(show: LineShow, now = Date.now()): boolean {
  return show.bookable && lineIsOn(show.room, now);
}

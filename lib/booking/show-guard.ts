import "server-only";
import type { Db } from "@/db/client";
import { holdRequestRows, showById } from "@/db/queries/show-seats";
import { AppError } from "@/lib/errors";

/** The show, refused with a clear reason when it cannot be booked any more. */
export async function bookableShow(db: Db, showId: string, now = new Date()) {
  return assertBookable(await showById(db, showId), now);
}

export function assertBookable<S extends { status: string; startsAt: Date }>(show: S | undefined, now = new Date()): S {
  if (!show) throw new AppError("not_found", "That show does not exist.");
  if (show.status === "cancelled") throw new AppError("conflict", "This show has been cancelled.");
  if (show.startsAt <= now) throw new AppError("gone", "This show has already started.");
  return show;
}

/**
 * What a hold needs to judge a request: the show, the requested seats in use (sold or not; a
 * house seat counts as sold), and the unknown ones.
 */
export async function holdRequestFacts(db: Db, showId: string, seatIds: string[]) {
  const unique = [...new Set(seatIds)];
  const rows = await holdRequestRows(db, showId, unique);
  const found = rows.flatMap((r) => (r.seat ? [{ ...r.seat, sold: r.sold || r.house }] : []));
  const foundIds = new Set(found.map((s) => s.id));
  return { show: rows[0]?.show, seats: found, unknown: unique.filter((id) => !foundIds.has(id)) };
}

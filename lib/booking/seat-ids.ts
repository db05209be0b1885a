import "server-only";
import type { Db } from "@/db/client";
import { activeSeatIdsOfShow } from "@/db/queries/show-seats";

// Layouts change rarely, but every viewer polls the seat state: keep each show's seat ids
// for a few seconds instead of asking Postgres on every poll.
const TTL_MS = 10_000;
const cache = new Map<string, { at: number; ids: string[] }>();

export async function seatIdsOfShow(db: Db, showId: string): Promise<string[]> {
  const hit = cache.get(showId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.ids;
  const ids = await activeSeatIdsOfShow(db, showId);
  const now = Date.now();
  // Drop stale entries as new ones come in, so a long-running server does not keep every show ever viewed.
  for (const [key, entry] of cache) if (now - entry.at >= TTL_MS) cache.delete(key);
  cache.set(showId, { at: now, ids });
  return ids;
}

/** After a layout is saved: any show's seats may have changed. */
export function forgetSeatIds() {
  cache.clear();
}

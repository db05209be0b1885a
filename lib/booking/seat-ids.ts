import "server-only";
import type { Db } from "@/db/client";
import { activeSeatIdsOfShow } from "@/db/queries/show-seats";

// Layouts change rarely, but every viewer polls the seat state: keep each screen's seat ids
// for a few seconds instead of asking Postgres on every poll.
const TTL_MS = 10_000;
const cache = new Map<string, { at: number; screenId: string; ids: string[] }>();

export async function seatIdsOfShow(db: Db, showId: string): Promise<string[]> {
  const hit = cache.get(showId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.ids;
  const rows = await activeSeatIdsOfShow(db, showId);
  const ids = rows.map((r) => r.id);
  const now = Date.now();
  // Drop stale entries as new ones come in, so a long-running server does not keep every show ever viewed.
  for (const [key, entry] of cache) if (now - entry.at >= TTL_MS) cache.delete(key);
  cache.set(showId, { at: now, screenId: rows[0]?.screenId ?? "", ids });
  return ids;
}

export function forgetSeatIds(showId?: string) {
  if (showId) cache.delete(showId);
  else cache.clear();
}

import "server-only";
import type { Db } from "@/db/client";
import { unavailableSeatIdsOfShow } from "@/db/queries/show-seats";
import { unlessRedisIsDown } from "@/lib/redis/unavailable";
import { getSeatLocks } from "@/lib/seat-locks";
import type { SeatSnapshot, SeatState } from "@/lib/seat-map/types";
import { seatIdsOfShow } from "./seat-ids";

/**
 * What a viewer sees: sold or kept by the house (Postgres, the truth) over held (one MGET over the show's lock keys),
 * with the viewer's own holds marked as theirs. Seats absent from the map are available.
 * When Redis is down the sold seats still come from Postgres, marked `paused` (no hold can be
 * taken or seen until it returns).
 */
export async function seatSnapshot(db: Db, showId: string, holder: string | null): Promise<SeatSnapshot> {
  const ids = await seatIdsOfShow(db, showId);
  const store = getSeatLocks();
  const [sold, holders] = await Promise.all([unavailableSeatIdsOfShow(db, showId), unlessRedisIsDown(store.holders(showId, ids))]);
  const states: Record<string, SeatState> = {};
  const mine: string[] = [];
  for (const [seatId, h] of holders ?? []) {
    if (holder && h === holder) {
      states[seatId] = "mine";
      mine.push(seatId);
    } else states[seatId] = "held";
  }
  for (const seatId of sold) states[seatId] = "sold";
  if (!holders) return { states, holdExpiresAt: null, paused: true };
  const holdExpiresAt = holder && mine.length ? await store.expiry(showId, mine, holder) : null;
  return { states, holdExpiresAt };
}

import "server-only";
import type { Db } from "@/db/client";
import { seatIdsOfShow } from "@/lib/booking/seat-ids";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";

/**
 * Seats of a show this viewer could pick now: not sold, not held by someone else (their own
 * holds count as theirs to keep). Zero means sold out for them, which is when the waitlist shows.
 */
export async function freeSeatCount(db: Db, showId: string, holder: string | null): Promise<number> {
  const [ids, snapshot] = await Promise.all([seatIdsOfShow(db, showId), seatSnapshot(db, showId, holder)]);
  return ids.filter((id) => snapshot.states[id] === undefined || snapshot.states[id] === "mine").length;
}

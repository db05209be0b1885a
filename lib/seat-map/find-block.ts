// The block a waiting party is offered (issue 21): `size` seats side by side in one row with no
// aisle between them, none of them a wheelchair or companion space, in the party's tier when it
// named one, chosen by best available (./best-available.ts), which never strands a seat on its
// own when any other block avoids it, and judged by the same orphan rule as a customer's own
// selection (./rules.ts checkOrphans: an orphan only where there was no other choice in the block). A party that accepts seats apart
// gets best available's split when no block is free; anyone else gets nothing until one is.
import { bestAvailable } from "./best-available";
import { geometryOf } from "./geometry";
import { checkOrphans } from "./rules";
import type { MapSeat, MapTier } from "./types";

export type BlockQuery = {
  seats: readonly MapSeat[];
  tiers: readonly MapTier[];
  /** Sold or held by anyone. */
  taken: ReadonlySet<string>;
  size: number;
  tier?: string | null;
  acceptApart?: boolean;
};

export type Block = { seatIds: string[]; together: boolean };

export function findBlock(q: BlockQuery): Block | null {
  // Another tier's seats are out of the party's reach, so they count as taken for the search.
  const reach = q.tier ? new Set([...q.taken, ...q.seats.filter((s) => s.tier !== q.tier).map((s) => s.id)]) : q.taken;
  const best = bestAvailable({ seats: q.seats, tiers: q.tiers, taken: reach, count: q.size, preferredTier: q.tier ?? undefined });
  if (!best.ok) return null;
  if (!best.partial) {
    return checkOrphans(geometryOf(q.seats), new Set(q.taken), new Set(best.seatIds)).ok ? { seatIds: best.seatIds, together: true } : null;
  }
  return q.acceptApart ? { seatIds: best.seatIds, together: false } : null;
}

// The block a waiting party is offered (issue 21): `size` seats side by side in one row with no
// aisle between them, none of them a wheelchair or companion space, in the party's tier when it
// named one, that leave no seat stranded on its own (./orphans.ts). Best available picks which
// block (./best-available.ts: nearest the middle of the house). A party that accepts seats apart
// gets best available's split when no block is free; anyone else gets nothing until one is.
import { bestAvailable } from "./best-available";
import { geometryOf } from "./geometry";
import { runStrandsNeighbour } from "./orphans";
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
    return strandsNoOne(q.seats, q.taken, best.seatIds) ? { seatIds: best.seatIds, together: true } : null;
  }
  return q.acceptApart ? { seatIds: best.seatIds, together: false } : null;
}

/** The run (one block, contiguous) leaves no neighbour stranded, judged against what is really taken. */
function strandsNoOne(seats: readonly MapSeat[], taken: ReadonlySet<string>, runIds: string[]): boolean {
  const place = geometryOf(seats).byId.get(runIds[0]);
  if (!place) return false;
  const block = place.block.seats;
  const start = Math.min(...runIds.map((id) => block.findIndex((s) => s.id === id)));
  return !runStrandsNeighbour(block, start, runIds.length, (s) => taken.has(s.id));
}

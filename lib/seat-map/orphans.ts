// The orphan-seat rule, the way cinemas enforce it: a selection should not leave one empty seat
// on its own, because nobody will buy it and the house loses the sale.
//
// Definitions (all within one block: a run of seats with no aisle between them):
// - occupied: taken by someone else (held or sold) or in my selection.
// - a seat is STRANDED when it is empty, it is a regular seat (standard or premium: wheelchair
//   and companion spaces are sold to particular customers, so one left empty is not a lost
//   sale), the block has more than one seat, and each side is either occupied or the block's
//   edge (aisle, wall).
// - a selection CREATES an orphan when a seat is stranded with my seats counted as occupied but
//   was not stranded with only the others' seats counted: a gap other customers left is not
//   my doing.
// - an orphan is AVOIDABLE in a block when my k seats in that block could instead sit together
//   as one run of k empty seats I may book (regular seats, or any seat when my selection has a
//   wheelchair space) in the same block without creating an orphan. Only avoidable orphans break
//   the rule. When my seats in the block include a wheelchair space, the run must include one too.
//   The block, not the house, is the scope of "another choice": a customer who wants
//   the centre block keeps that choice, and a block whose free run is exactly one seat too long
//   for the party (a party of four in a gap of five) is still bookable.
import { isAccessibleSpace, type SeatBlock } from "./geometry";
import type { MapSeat } from "./types";

export type Occupancy = (seat: MapSeat) => boolean;

/** Indices of the block's stranded seats under the given occupancy. */
export function strandedIndices(block: readonly MapSeat[], occupied: Occupancy): number[] {
  const out: number[] = [];
  if (block.length < 2) return out;
  const occ = block.map(occupied);
  for (let i = 0; i < block.length; i++) {
    if (occ[i] || isAccessibleSpace(block[i])) continue;
    const leftClosed = i === 0 || occ[i - 1];
    const rightClosed = i === block.length - 1 || occ[i + 1];
    if (leftClosed && rightClosed) out.push(i);
  }
  return out;
}

/** Seats my selection strands in this block that the others' seats alone did not strand. */
export function newOrphans(block: readonly MapSeat[], taken: ReadonlySet<string>, mine: ReadonlySet<string>): MapSeat[] {
  const before = new Set(strandedIndices(block, (s) => taken.has(s.id)));
  return strandedIndices(block, (s) => taken.has(s.id) || mine.has(s.id))
    .filter((i) => !before.has(i))
    .map((i) => block[i]);
}

/**
 * Whether placing the contiguous run block[start..start+length-1] (all free) would strand a seat.
 * Only the seats just outside the run can become stranded, so this is O(1).
 */
export function runStrandsNeighbour(block: readonly MapSeat[], start: number, length: number, occupied: Occupancy): boolean {
  const end = start + length - 1;
  // Seat i has the run on one side; it is stranded when the seat on its far side is occupied
  // or missing (the block's edge).
  const stranded = (i: number, far: number) => {
    if (i < 0 || i >= block.length || occupied(block[i]) || isAccessibleSpace(block[i])) return false;
    return far < 0 || far >= block.length || occupied(block[far]);
  };
  return stranded(start - 1, start - 2) || stranded(end + 1, end + 2);
}

/**
 * Whether some run of `count` bookable empty seats in the block strands no seat.
 * `bookable` says which seats this customer may take (see the file comment); with
 * `needsWheelchair` the run must include a wheelchair space, so a wheelchair user is never told
 * to move to seats that have no space for the wheelchair.
 */
export function blockHasCleanRun(
  block: SeatBlock,
  count: number,
  taken: ReadonlySet<string>,
  bookable: (s: MapSeat) => boolean,
  needsWheelchair = false,
): boolean {
  const seats = block.seats;
  const occupied: Occupancy = (s) => taken.has(s.id);
  let free = 0;
  let lastWheelchair = -1;
  for (let i = 0; i < seats.length; i++) {
    free = !occupied(seats[i]) && bookable(seats[i]) ? free + 1 : 0;
    if (seats[i].kind === "wheelchair") lastWheelchair = i;
    if (free < count) continue;
    const start = i - count + 1;
    if (needsWheelchair && lastWheelchair < start) continue;
    if (!runStrandsNeighbour(seats, start, count, occupied)) return true;
  }
  return false;
}

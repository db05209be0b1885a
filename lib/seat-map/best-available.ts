// "Best available for N": the seats a box-office clerk would offer.
//
// 1. N adjacent seats in one block (a run with no aisle inside it) that are free for this
//    customer: regular seats only, unless the party has a wheelchair user, in which case the run
//    must include a wheelchair space and may use companion seats.
// 2. Runs that would strand a single seat (see ./orphans.ts) are used only when no run of that
//    size anywhere avoids it.
// 3. Then fewest seats outside the best tier (the preferred tier, or the most expensive one).
// 4. Then nearest the target of ./seat-scoring.ts (centre of the tier, middle-back of the house).
// 5. Ties go to the row further back, then the leftmost run, so the answer is deterministic.
// When no block has N free seats together, the party is split (./party-splits.ts order); each
// later group is placed as close as possible to the first. The result is partial and says so.
import { geometryOf, isAccessibleSpace, type SeatGeometry } from "./geometry";
import { describeSeats, joinWords } from "./format";
import { runStrandsNeighbour } from "./orphans";
import { partySplits } from "./party-splits";
import { checkOrphans } from "./rules";
import { distanceFromGroup, distanceFromTarget, targetFor, type SeatTarget } from "./seat-scoring";
import type { MapSeat, MapTier } from "./types";

export type BestAvailableInput = {
  seats: readonly MapSeat[];
  tiers: readonly MapTier[];
  /** Seats held or sold to other customers (the caller's own seats count as free). */
  taken: Iterable<string>;
  count: number;
  preferredTier?: string;
  /** The party includes a wheelchair user. */
  wheelchair?: boolean;
};

export type BestAvailableResult =
  | { ok: true; partial: boolean; seatIds: string[]; groups: string[][]; message: string }
  | { ok: false; reason: "bad_count" | "not_enough"; available: number; message: string };

type Run = { seats: MapSeat[]; orphan: boolean; offTier: number; distance: number; y: number; x: number };

type RunQuery = {
  size: number;
  occupied: Set<string>;
  requireWheelchair: boolean;
  eligible: (s: MapSeat) => boolean;
  tier: string | null;
  distance: (x: number, y: number) => number;
};

// Beyond this many split attempts (only reachable in a nearly full house) the search falls back
// to greedy placement, which always finishes.
const MAX_SPLIT_ATTEMPTS = 200;

export function bestAvailable(input: BestAvailableInput): BestAvailableResult {
  const count = input.count;
  if (!Number.isInteger(count) || count < 1) {
    return { ok: false, reason: "bad_count", available: 0, message: "Choose how many seats you need." };
  }
  const geometry = geometryOf(input.seats);
  const taken = new Set(input.taken);
  const target = targetFor(input.seats, input.tiers, input.preferredTier);
  const wheelchair = input.wheelchair ?? false;
  const freeWheelchair = input.seats.some((s) => s.kind === "wheelchair" && !taken.has(s.id));
  // The wheelchair user needs one space; everyone else needs a seat that is not a space.
  const others = input.seats.filter((s) => !taken.has(s.id) && (wheelchair ? s.kind !== "wheelchair" : !isAccessibleSpace(s))).length;
  const available = others + (wheelchair && freeWheelchair ? 1 : 0);

  if (wheelchair && !freeWheelchair) {
    return { ok: false, reason: "not_enough", available: 0, message: "There are no wheelchair spaces left for this show." };
  }
  if (available < count) {
    const message =
      available === 0
        ? "There are no seats left for this show."
        : `Only ${available} ${available === 1 ? "seat is" : "seats are"} left for this show.`;
    return { ok: false, reason: "not_enough", available, message };
  }

  const first: RunQuery = {
    size: count,
    occupied: taken,
    requireWheelchair: wheelchair,
    eligible: eligibility(wheelchair, true),
    tier: target.tier,
    distance: (x, y) => distanceFromTarget(x, y, target),
  };
  const together = bestRun(geometry, first);
  if (together) {
    const ids = together.seats.map((s) => s.id);
    return { ok: true, partial: false, seatIds: ids, groups: [ids], message: `Found ${count} ${count === 1 ? "seat" : "seats together"}: ${describeSeats(together.seats)}.` };
  }
  const groups = splitParty(geometry, taken, target, count, wheelchair);
  const seatIds = groups.flat().map((s) => s.id);
  const parts = groups.map((g) => `${g.length === 1 ? "1 on its own" : `${g.length} together`} (${describeSeats(g)})`);
  return {
    ok: true,
    partial: true,
    seatIds,
    groups: groups.map((g) => g.map((s) => s.id)),
    message: `There aren't ${count} seats together right now. The best we can offer is ${joinWords(parts)}.`,
  };
}

function splitParty(geometry: SeatGeometry, taken: Set<string>, target: SeatTarget, count: number, wheelchair: boolean): MapSeat[][] {
  const longest = longestFreeRun(geometry, taken, wheelchair);
  let attempts = 0;
  let fallback: MapSeat[][] | null = null;
  for (const split of partySplits(count, longest)) {
    if (++attempts > MAX_SPLIT_ATTEMPTS) break;
    const groups = placeGroups(geometry, taken, target, split, wheelchair);
    if (!groups) continue;
    const mine = new Set(groups.flat().map((s) => s.id));
    // Groups placed one by one can still add up to an avoidable orphan in a shared block.
    if (checkOrphans(geometry, taken, mine).ok) return groups;
    fallback ??= groups;
  }
  if (fallback) return fallback;
  const greedy: number[] = [];
  for (let left = count; left > 0; left -= Math.min(left, longest)) greedy.push(Math.min(left, longest));
  return placeGroups(geometry, taken, target, greedy, wheelchair) ?? placeSingles(geometry, taken, target, count, wheelchair);
}

/** Places groups largest first: the first near the target, the others near the first. */
function placeGroups(geometry: SeatGeometry, taken: Set<string>, target: SeatTarget, sizes: number[], wheelchair: boolean): MapSeat[][] | null {
  const occupied = new Set(taken);
  const groups: MapSeat[][] = [];
  let anchor: { x: number; y: number } | null = null;
  for (const size of sizes) {
    const isFirst = anchor === null;
    const from = anchor;
    const run = bestRun(geometry, {
      size,
      occupied,
      requireWheelchair: wheelchair && isFirst,
      eligible: eligibility(wheelchair, isFirst),
      tier: target.tier,
      distance: from ? (x, y) => distanceFromGroup(x, y, from) : (x, y) => distanceFromTarget(x, y, target),
    });
    if (!run) return null;
    groups.push(run.seats);
    for (const s of run.seats) occupied.add(s.id);
    anchor ??= { x: run.x, y: run.y };
  }
  return groups;
}

/** Last resort when every group size failed: one seat at a time, which always fits. */
function placeSingles(geometry: SeatGeometry, taken: Set<string>, target: SeatTarget, count: number, wheelchair: boolean): MapSeat[][] {
  return placeGroups(geometry, taken, target, Array.from({ length: count }, () => 1), wheelchair) ?? [];
}

/**
 * Seats a group may take. Without a wheelchair user: regular seats only. With one: the first
 * group (the wheelchair user's) may use any seat; later groups may use companion seats (the
 * selection has a wheelchair space) but not further wheelchair spaces.
 */
function eligibility(wheelchair: boolean, firstGroup: boolean): (s: MapSeat) => boolean {
  if (!wheelchair) return (s) => !isAccessibleSpace(s);
  return firstGroup ? () => true : (s) => s.kind !== "wheelchair";
}

function longestFreeRun(geometry: SeatGeometry, taken: Set<string>, wheelchair: boolean): number {
  let longest = 0;
  for (const row of geometry.rows) {
    for (const block of row.blocks) {
      let run = 0;
      for (const s of block.seats) {
        run = !taken.has(s.id) && (wheelchair || !isAccessibleSpace(s)) ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
    }
  }
  return longest;
}

/** The best run of `size` free seats by the order in the file comment, or null if none fits. */
function bestRun(geometry: SeatGeometry, q: RunQuery): Run | null {
  let best: Run | null = null;
  const occupied = (s: MapSeat) => q.occupied.has(s.id);
  for (const row of geometry.rows) {
    for (const block of row.blocks) {
      const seats = block.seats;
      let free = 0;
      let lastWheelchair = -1;
      for (let i = 0; i < seats.length; i++) {
        const seat = seats[i];
        free = !occupied(seat) && q.eligible(seat) ? free + 1 : 0;
        if (seat.kind === "wheelchair") lastWheelchair = i;
        if (free < q.size) continue;
        const start = i - q.size + 1;
        if (q.requireWheelchair && lastWheelchair < start) continue;
        const runSeats = seats.slice(start, i + 1);
        const x = (runSeats[0].x + seat.x) / 2;
        const run: Run = {
          seats: runSeats,
          orphan: runStrandsNeighbour(seats, start, q.size, occupied),
          offTier: q.tier ? runSeats.filter((s) => s.tier !== q.tier).length : 0,
          distance: q.distance(x, row.y),
          y: row.y,
          x,
        };
        if (!best || better(run, best)) best = run;
      }
    }
  }
  return best;
}

// Scores are sums of halves and 1.5x multiples; rounding keeps float noise from breaking ties.
const roundScore = (v: number) => Math.round(v * 1e6);

function better(a: Run, b: Run): boolean {
  if (a.orphan !== b.orphan) return !a.orphan;
  if (a.offTier !== b.offTier) return a.offTier < b.offTier;
  const da = roundScore(a.distance);
  const db = roundScore(b.distance);
  if (da !== db) return da < db;
  if (a.y !== b.y) return a.y > b.y;
  return a.x < b.x;
}

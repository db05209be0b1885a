// Where the "best" seats are. Horizontally: the centre of the best tier's seats. Vertically: the
// middle-back of the house (60% of the way from the front row to the back row), where the
// picture fills the view without neck strain, clamped into the best tier's rows. Sitting too
// close is worse than sitting too far, so each row in front of the ideal costs 1.5x a row behind,
// and a row costs as much as two seats off-centre.
import type { MapSeat, MapTier } from "./types";

export const IDEAL_DEPTH = 0.6;
const ROW_WEIGHT = 2;
const FRONT_PENALTY = 1.5;

export type SeatTarget = {
  /** The tier seats should be in, or null when the layout has no tier with seats. */
  tier: string | null;
  x: number;
  y: number;
};

/** The screen's most expensive tier that has seats (the later-listed one on a price tie). */
export function bestTier(seats: readonly MapSeat[], tiers: readonly MapTier[]): string | null {
  const present = new Set(seats.map((s) => s.tier));
  let best: MapTier | null = null;
  for (const tier of tiers) if (present.has(tier.name) && (!best || tier.price >= best.price)) best = tier;
  return best?.name ?? null;
}

export function targetFor(seats: readonly MapSeat[], tiers: readonly MapTier[], preferredTier?: string): SeatTarget {
  const tier = preferredTier && seats.some((s) => s.tier === preferredTier) ? preferredTier : bestTier(seats, tiers);
  const region = tier ? seats.filter((s) => s.tier === tier) : seats;
  if (region.length === 0) return { tier, x: 0, y: 0 };
  const [minX, maxX] = extent(region.map((s) => s.x));
  const [houseMinY, houseMaxY] = extent(seats.map((s) => s.y));
  const [tierMinY, tierMaxY] = extent(region.map((s) => s.y));
  const ideal = houseMinY + IDEAL_DEPTH * (houseMaxY - houseMinY);
  return { tier, x: (minX + maxX) / 2, y: Math.min(tierMaxY, Math.max(tierMinY, ideal)) };
}

function extent(values: number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** How far a run centred at (x, y) is from the target; smaller is better. */
export function distanceFromTarget(x: number, y: number, target: { x: number; y: number }): number {
  const dy = y - target.y;
  return ROW_WEIGHT * Math.abs(dy) * (dy < 0 ? FRONT_PENALTY : 1) + Math.abs(x - target.x);
}

/** How far a later group of a split party sits from the first group; rows count double. */
export function distanceFromGroup(x: number, y: number, anchor: { x: number; y: number }): number {
  return ROW_WEIGHT * Math.abs(y - anchor.y) + Math.abs(x - anchor.x);
}

// Layouts from a text plan, one string per row from the screen backwards:
//   S standard, P premium, W wheelchair space, C companion seat, "." or " " an empty grid cell.
// Used to describe layouts compactly (tests, the benchmark arena, demo screens). Seats are
// numbered left to right across the whole row, ids are "<showId>:<row><number>".
import type { MapLayout, MapSeat, MapTier, SeatKind } from "./types";

const KINDS: Record<string, SeatKind> = { S: "standard", P: "premium", W: "wheelchair", C: "companion" };

export function rowLabel(index: number): string {
  // A..Z, then AA, AB, ... for arenas with more than 26 rows.
  let label = "";
  let n = index;
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

export type PlanOptions = {
  showId?: string;
  screenName?: string;
  currency?: string;
  tiers?: MapTier[];
  /** Tier of a seat; premium seats default to "premium", all others to "standard". */
  tierOf?: (kind: SeatKind, row: number, x: number) => string;
};

export function layoutFromPlan(plan: readonly string[], options: PlanOptions = {}): MapLayout {
  const showId = options.showId ?? "show";
  const seats: MapSeat[] = [];
  plan.forEach((line, y) => {
    const row = rowLabel(y);
    let number = 0;
    [...line].forEach((ch, x) => {
      const kind = KINDS[ch.toUpperCase()];
      if (!kind) return;
      number++;
      const tier = options.tierOf?.(kind, y, x) ?? (kind === "premium" ? "premium" : "standard");
      seats.push({ id: `${showId}:${row}${number}`, row, number, x, y, kind, tier });
    });
  });
  const usedTiers = new Set(seats.map((s) => s.tier));
  const tiers =
    options.tiers ??
    [
      { name: "standard", price: 1250 },
      { name: "premium", price: 1800 },
    ].filter((t) => usedTiers.has(t.name));
  return {
    showId,
    screenName: options.screenName ?? "Screen",
    gridWidth: Math.max(0, ...plan.map((l) => l.length)),
    gridHeight: plan.length,
    currency: options.currency ?? "usd",
    tiers,
    seats,
  };
}

/**
 * A large arena for load tests: `rows` rows of three blocks split by two aisles, premium in the
 * middle third of rows' centre block, wheelchair spaces with companions on the front row's ends.
 * 50 rows x 100 seats gives the 5,000-seat layout the seat-map benchmark renders.
 */
export function arenaLayout(rows = 50, seatsPerRow = 100, options: PlanOptions = {}): MapLayout {
  const side = Math.floor(seatsPerRow / 4);
  const centre = seatsPerRow - 2 * side;
  const plan: string[] = [];
  for (let r = 0; r < rows; r++) {
    const premiumRow = r >= Math.floor(rows / 3) && r < Math.floor((2 * rows) / 3);
    const centreBlock = (premiumRow ? "P" : "S").repeat(centre);
    let left = "S".repeat(side);
    let right = "S".repeat(side);
    if (r === 0 && side >= 2) {
      left = "WC" + left.slice(2);
      right = right.slice(2) + "CW";
    }
    plan.push(`${left}.${centreBlock}.${right}`);
  }
  return layoutFromPlan(plan, { screenName: "Arena", ...options });
}

import { describe, expect, it } from "vitest";
import { bestAvailable, type BestAvailableInput } from "@/lib/seat-map/best-available";
import { areAdjacent, geometryOf, isAccessibleSpace } from "@/lib/seat-map/geometry";
import { arenaLayout, layoutFromPlan } from "@/lib/seat-map/layout-plan";
import { partitionsInto, partySplits } from "@/lib/seat-map/party-splits";
import { validateSelection } from "@/lib/seat-map/rules";
import { bestTier, distanceFromTarget, targetFor } from "@/lib/seat-map/seat-scoring";
import type { MapLayout } from "@/lib/seat-map/types";

const ids = (...labels: string[]) => labels.map((l) => `show:${l}`);
const labels = (seatIds: string[]) => seatIds.map((id) => id.slice("show:".length));

function best(layout: MapLayout, count: number, taken: string[] = [], extra: Partial<BestAvailableInput> = {}) {
  return bestAvailable({ seats: layout.seats, tiers: layout.tiers, taken: ids(...taken), count, ...extra });
}

// Screen 2 of the demo cinema: 11 rows of 4 | 12 | 4, premium centre block in rows E-H.
const screen2 = layoutFromPlan(
  Array.from({ length: 11 }, (_, r) => {
    const centre = r >= 4 && r <= 7 ? "P".repeat(12) : "S".repeat(12);
    const row = `SSSS.${centre}.SSSS`;
    return r === 10 ? "SSSS.WCSSSSSSSSCW.SSSS" : row;
  }),
  { tiers: [{ name: "standard", price: 1400 }, { name: "premium", price: 1850 }] },
);

describe("scoring", () => {
  it("takes the most expensive tier as the best", () => {
    expect(bestTier(screen2.seats, screen2.tiers)).toBe("premium");
    expect(bestTier(screen2.seats, [])).toBeNull();
  });

  it("aims at the centre of the tier, 60% back in the house, clamped into the tier's rows", () => {
    // House rows 0..10: 60% back is y=6, inside premium rows 4..7. Premium x spans 5..16.
    expect(targetFor(screen2.seats, screen2.tiers)).toEqual({ tier: "premium", x: 10.5, y: 6 });
    // The standard tier spans the whole house, so the ideal row is the house's.
    expect(targetFor(screen2.seats, screen2.tiers, "standard")).toMatchObject({ tier: "standard", y: 6 });
    // An unknown preferred tier falls back to the best tier.
    expect(targetFor(screen2.seats, screen2.tiers, "imax")).toMatchObject({ tier: "premium" });
  });

  it("costs a row in front more than a row behind", () => {
    const t = { x: 0, y: 5 };
    expect(distanceFromTarget(0, 4, t)).toBeGreaterThan(distanceFromTarget(0, 6, t));
    expect(distanceFromTarget(2, 5, t)).toBe(distanceFromTarget(0, 6, t));
  });
});

describe("bestAvailable: together", () => {
  it("picks the centre of the premium tier in the middle-back row", () => {
    const r = best(screen2, 2);
    expect(r).toMatchObject({ ok: true, partial: false });
    if (r.ok) {
      expect(labels(r.seatIds)).toEqual(["G10", "G11"]);
      expect(r.groups).toEqual([r.seatIds]);
      expect(r.message).toBe("Found 2 seats together: G10 and G11.");
    }
  });

  it("centres odd parties too, leaning left on a tie", () => {
    const r = best(screen2, 3);
    if (r.ok) expect(labels(r.seatIds)).toEqual(["G9", "G10", "G11"]);
  });

  it("honours a preferred tier", () => {
    const r = best(screen2, 2, [], { preferredTier: "standard" });
    // Premium occupies the centre of rows E-H, so the best standard pair is in the row behind.
    if (r.ok) expect(labels(r.seatIds)).toEqual(["I10", "I11"]);
  });

  it("moves away from taken seats to the next best row", () => {
    // With G9-G12 taken, one row back (cost 2) beats two seats off-centre in G (cost 3).
    const taken = ["G9", "G10", "G11", "G12"];
    const r = best(screen2, 2, taken);
    if (r.ok) expect(labels(r.seatIds)).toEqual(["H10", "H11"]);
    // With H's centre gone too, G7-G8 (leaving G5-G6, two seats) ties F's centre on cost; further back wins.
    const r2 = best(screen2, 2, [...taken, "H9", "H10", "H11", "H12"]);
    if (r2.ok) expect(labels(r2.seatIds)).toEqual(["G7", "G8"]);
  });

  it("prefers a clean run over a closer one that strands a seat", () => {
    // Row A: S S S S S S; A1 and A6 taken leaves A2-A5. A pair centred at A3-A4 would strand
    // A2 and A5, so the pair goes against one side of the gap.
    const layout = layoutFromPlan(["SSSSSS"]);
    const r = best(layout, 2, ["A1", "A6"]);
    if (r.ok) expect(labels(r.seatIds)).toEqual(["A2", "A3"]);
  });

  it("accepts an unavoidable orphan: four people in a block of five", () => {
    const r = best(layoutFromPlan(["SSSSS"]), 4);
    expect(r).toMatchObject({ ok: true, partial: false });
    if (r.ok) expect(labels(r.seatIds)).toEqual(["A1", "A2", "A3", "A4"]);
  });

  it("skips wheelchair spaces and companion seats unless asked", () => {
    const layout = layoutFromPlan(["WCSS"]);
    const r = best(layout, 2);
    if (r.ok) expect(labels(r.seatIds)).toEqual(["A3", "A4"]);
    expect(best(layout, 3)).toMatchObject({ ok: false, reason: "not_enough", available: 2, message: "Only 2 seats are left for this show." });
  });

  it("includes a wheelchair space for a wheelchair party", () => {
    const r = best(screen2, 2, [], { wheelchair: true });
    if (r.ok) {
      // Row K: S S S S . W C S ... S C W . S S S S; both W+C pairs are as central, left wins.
      expect(labels(r.seatIds)).toEqual(["K5", "K6"]);
      expect(validateSelection({ seats: screen2.seats, taken: [], selected: r.seatIds, maxSeats: 10 }).ok).toBe(true);
    }
    const one = best(screen2, 1, [], { wheelchair: true });
    if (one.ok) expect(screen2.seats.find((s) => s.id === one.seatIds[0])?.kind).toBe("wheelchair");
  });

  it("says when no wheelchair space is left", () => {
    expect(best(screen2, 2, ["K5", "K16"], { wheelchair: true })).toMatchObject({ ok: false, message: "There are no wheelchair spaces left for this show." });
  });

  it("refuses a count below one", () => {
    expect(best(screen2, 0)).toMatchObject({ ok: false, reason: "bad_count" });
    expect(best(screen2, 1.5)).toMatchObject({ ok: false, reason: "bad_count" });
  });

  it("says when the house is sold out", () => {
    const layout = layoutFromPlan(["SS"]);
    expect(best(layout, 1, ["A1", "A2"])).toMatchObject({ ok: false, available: 0, message: "There are no seats left for this show." });
  });

  it("is deterministic", () => {
    const taken = screen2.seats.filter((_, i) => i % 3 === 0).map((s) => s.id.slice(5));
    expect(best(screen2, 3, taken)).toEqual(best(screen2, 3, taken));
  });
});

describe("bestAvailable: partial", () => {
  it("splits a party when no block seats them together, and says so", () => {
    const layout = layoutFromPlan(["SSS.SSSS", "SS.SSS.SS"]);
    // Five people; the longest run is four (A4-A7).
    const r = best(layout, 5);
    expect(r).toMatchObject({ ok: true, partial: true });
    if (r.ok) {
      expect(r.groups.map((g) => g.length).sort()).toEqual([2, 3]);
      expect(r.seatIds).toHaveLength(5);
      expect(r.message).toMatch(/^There aren't 5 seats together right now\. The best we can offer is /);
    }
  });

  it("keeps the later groups close to the first", () => {
    const r = best(screen2, 4, screen2.seats.filter((s) => s.tier === "standard" || s.row !== "G" || s.number % 3 === 0).map((s) => s.id.slice(5)));
    // Only premium row G has gaps of two; the groups stay in that row.
    if (r.ok) {
      expect(r.partial).toBe(true);
      for (const g of r.groups) for (const id of g) expect(id).toMatch(/^show:G/);
    }
  });

  it("prefers groups without anyone alone", () => {
    // Free: a run of 4 and a run of 2 and singles; 6 people -> 4 + 2 rather than 5 + 1.
    const layout = layoutFromPlan(["SSSS.SS.S.S"]);
    const r = best(layout, 6);
    if (r.ok) expect(r.groups.map((g) => g.length)).toEqual([4, 2]);
  });

  it("falls back to singles in a scattered house", () => {
    const layout = layoutFromPlan(["S.S.S.S"]);
    const r = best(layout, 3);
    expect(r).toMatchObject({ ok: true, partial: true });
    if (r.ok) {
      expect(r.groups).toHaveLength(3);
      expect(r.message).toContain("1 on its own");
    }
  });
});

describe("party splits", () => {
  it("lists partitions with the largest part first", () => {
    expect(partitionsInto(6, 2, 6)).toEqual([[5, 1], [4, 2], [3, 3]]);
    expect(partitionsInto(6, 3, 2)).toEqual([[2, 2, 2]]);
    expect(partitionsInto(5, 2, 2)).toEqual([]);
  });

  it("orders splits: fewest groups, fewest singles, biggest group", () => {
    expect([...partySplits(6, 6)].slice(0, 5)).toEqual([[4, 2], [3, 3], [5, 1], [2, 2, 2], [3, 2, 1]]);
    expect([...partySplits(4, 1)]).toEqual([[1, 1, 1, 1]]);
  });
});

// A seeded generator so the fuzz cases are the same on every run.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("bestAvailable: invariants on random houses", () => {
  it("returns free, adjacent, rule-abiding seats", () => {
    const geometry = geometryOf(screen2.seats);
    const random = rng(42);
    for (let round = 0; round < 300; round++) {
      const density = random();
      const taken = screen2.seats.filter(() => random() < density).map((s) => s.id);
      const count = 1 + Math.floor(random() * 8);
      const wheelchair = random() < 0.15;
      const r = bestAvailable({ seats: screen2.seats, tiers: screen2.tiers, taken, count, wheelchair });
      if (!r.ok) {
        expect(r.reason).toBe("not_enough");
        continue;
      }
      expect(r.seatIds).toHaveLength(count);
      expect(new Set(r.seatIds).size).toBe(count);
      for (const id of r.seatIds) expect(taken).not.toContain(id);
      const seats = r.seatIds.map((id) => geometry.byId.get(id)!.seat);
      if (!wheelchair) expect(seats.some(isAccessibleSpace)).toBe(false);
      else expect(seats.some((s) => s.kind === "wheelchair")).toBe(true);
      for (const group of r.groups) {
        const g = group.map((id) => geometry.byId.get(id)!.seat);
        for (let i = 1; i < g.length; i++) expect(areAdjacent(g[i - 1], g[i])).toBe(true);
      }
      if (!r.partial) {
        expect(r.groups).toHaveLength(1);
        expect(validateSelection({ seats: screen2.seats, taken, selected: r.seatIds, maxSeats: count })).toEqual({ ok: true });
      }
    }
  });
});

describe("bestAvailable: the 5,000-seat arena", () => {
  it("finds seats in a large, busy house", () => {
    const arena = arenaLayout();
    const random = rng(7);
    const taken = arena.seats.filter(() => random() < 0.7).map((s) => s.id);
    const r = bestAvailable({ seats: arena.seats, tiers: arena.tiers, taken, count: 6 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.seatIds).toHaveLength(6);
  });
});

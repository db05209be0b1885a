import { describe, expect, it } from "vitest";
import { rowLabel } from "@/lib/seat-map/layout-plan";
import { applyBrushToArea, areaBetween, areaCounts, blockArea, editorFromSeats, rowArea, toggleAisle, toggleAisles } from "@/lib/admin/layout-editor";
import { fitCellSize, MIN_CELL } from "@/components/admin/layout-editor/fit-cell-size";

// Three rows of 2 + aisle + 4 + aisle + 2 places: blocks at columns 0–1, 3–6, 8–9.
const house = () => {
  let state = editorFromSeats(
    Array.from({ length: 30 }, (_, i) => {
      const y = Math.floor(i / 10);
      const x = i % 10;
      return { id: `s-${y}-${x}`, rowLabel: rowLabel(y), number: x + 1, x, y, kind: "standard" as const, tier: "standard" };
    }),
    10,
    3,
    ["standard", "premium"],
  );
  state = toggleAisle(toggleAisle(state, 2), 7);
  return state;
};

describe("layout editor selections", () => {
  it("a row, a block between aisles and a dragged rectangle (corners in any order)", () => {
    const state = house();
    expect(rowArea(state, 1)).toEqual({ y0: 1, x0: 0, y1: 1, x1: 9 });
    expect(blockArea(state, 0, 4)).toEqual({ y0: 0, x0: 3, y1: 2, x1: 6 });
    expect(blockArea(state, 2, 9)).toEqual({ y0: 0, x0: 8, y1: 2, x1: 9 });
    expect(areaBetween(state, { y: 2, x: 5 }, { y: 0, x: 99 })).toEqual({ y0: 0, x0: 5, y1: 2, x1: 9 });
    expect(areaCounts(state, rowArea(state, 0))).toEqual({ places: 10, seats: 8 });
  });

  it("sets the tier of a whole row in one edit, leaving other rows and gaps alone", () => {
    const state = house();
    const next = applyBrushToArea(state, rowArea(state, 1), { tool: "tier", tier: "premium" });
    expect(next.rows[1].cells.map((c) => c?.tier ?? null)).toEqual(["premium", "premium", null, "premium", "premium", "premium", "premium", null, "premium", "premium"]);
    expect(next.rows[0].cells.every((c) => !c || c.tier === "standard")).toBe(true);
    // An unknown tier changes nothing.
    expect(applyBrushToArea(state, rowArea(state, 1), { tool: "tier", tier: "gold" })).toBe(state);
  });

  it("sets the kind of a block; removes a rectangle of seats and fills it again", () => {
    const state = house();
    const block = blockArea(state, 0, 8);
    const wheel = applyBrushToArea(state, block, { tool: "kind", kind: "premium" });
    expect(wheel.rows.map((r) => r.cells[8]?.kind)).toEqual(["premium", "premium", "premium"]);
    const area = areaBetween(state, { y: 0, x: 3 }, { y: 1, x: 4 });
    const removed = applyBrushToArea(state, area, { tool: "seat" });
    expect(areaCounts(removed, area).seats).toBe(0);
    // Numbers run on from the left after the gap.
    expect(removed.rows[0].cells.map((c) => c?.number ?? null)).toEqual([1, 2, null, null, null, 3, 4, null, 5, 6]);
    const filled = applyBrushToArea(removed, area, { tool: "seat" });
    expect(areaCounts(filled, area).seats).toBe(4);
  });

  it("makes the columns of a selection aisles, or fills them", () => {
    const state = house();
    const aisles = toggleAisles(state, areaBetween(state, { y: 0, x: 3 }, { y: 0, x: 4 }));
    expect(aisles.rows.every((r) => !r.cells[3] && !r.cells[4])).toBe(true);
    const back = toggleAisles(aisles, areaBetween(state, { y: 0, x: 3 }, { y: 0, x: 4 }));
    expect(back.rows.every((r) => r.cells[3] && r.cells[4])).toBe(true);
  });

  it("fits the 468-seat house and a 5,000-seat arena on a desktop and a tablet", () => {
    // The Grand: 26 places across; the arena: 102 (100 seats and two aisles).
    expect(fitCellSize(900, 26)).toBeGreaterThanOrEqual(24);
    expect(fitCellSize(900, 102) * 102 + 150 + 102).toBeLessThanOrEqual(900);
    expect(fitCellSize(700, 102)).toBeGreaterThanOrEqual(MIN_CELL);
    expect(fitCellSize(2000, 10)).toBe(28);
  });
});

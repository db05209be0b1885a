import { describe, expect, it } from "vitest";
import { geometryOf } from "@/lib/seat-map/geometry";
import { isGridKey, moveInGrid } from "@/lib/seat-map/grid-navigation";
import { layoutFromPlan } from "@/lib/seat-map/layout-plan";

// Row A: seats at x 0,1,2 | 4,5. Row B: narrower, x 1..4. Row C: x 0 and x 5 only.
const g = geometryOf(layoutFromPlan(["SSS.SS", ".SSSS", "S....S"]).seats);
const move = (from: string, key: Parameters<typeof moveInGrid>[2], corner = false) => moveInGrid(g, `show:${from}`, key, corner).slice(5);

describe("moveInGrid", () => {
  it("steps left and right within the row, across aisles, stopping at the ends", () => {
    expect(move("A3", "ArrowRight")).toBe("A4");
    expect(move("A4", "ArrowLeft")).toBe("A3");
    expect(move("A1", "ArrowLeft")).toBe("A1");
    expect(move("A5", "ArrowRight")).toBe("A5");
  });

  it("moves up and down to the nearest seat by x, preferring the left on a tie", () => {
    expect(move("A1", "ArrowDown")).toBe("B1"); // x0 -> nearest x1
    expect(move("A4", "ArrowDown")).toBe("B4"); // x4 -> x4
    expect(move("B2", "ArrowDown")).toBe("C1"); // x2: C has x0 and x5
    expect(move("B3", "ArrowDown")).toBe("C2"); // x3 -> x5 (distance 2 vs 3)
    expect(move("C2", "ArrowUp")).toBe("B4"); // x5 -> x4
    expect(move("B1", "ArrowUp")).toBe("A2"); // x1 -> x1
    expect(move("A2", "ArrowUp")).toBe("A2");
    expect(move("C1", "ArrowDown")).toBe("C1");
  });

  it("goes to the row's ends with Home/End and the grid's corners with Ctrl", () => {
    expect(move("A3", "Home")).toBe("A1");
    expect(move("A3", "End")).toBe("A5");
    expect(move("B2", "Home", true)).toBe("A1");
    expect(move("A1", "End", true)).toBe("C2");
  });

  it("recovers from an unknown seat by going to the first seat", () => {
    expect(moveInGrid(g, "nope", "ArrowRight")).toBe("show:A1");
  });

  it("recognises grid keys", () => {
    expect(isGridKey("ArrowUp")).toBe(true);
    expect(isGridKey("Enter")).toBe(false);
  });
});

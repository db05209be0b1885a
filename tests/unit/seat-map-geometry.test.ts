import { describe, expect, it } from "vitest";
import { areAdjacent, buildGeometry, geometryOf, groupRows, isAccessibleSpace, splitBlocks } from "@/lib/seat-map/geometry";
import { arenaLayout, layoutFromPlan, rowLabel } from "@/lib/seat-map/layout-plan";
import type { MapSeat } from "@/lib/seat-map/types";

const seat = (row: string, number: number, x: number, y = 0, kind: MapSeat["kind"] = "standard"): MapSeat => ({
  id: `${row}${number}`,
  row,
  number,
  x,
  y,
  kind,
  tier: "standard",
});

describe("areAdjacent", () => {
  it("is true only for seats one grid unit apart in the same row", () => {
    expect(areAdjacent(seat("A", 1, 0), seat("A", 2, 1))).toBe(true);
    expect(areAdjacent(seat("A", 2, 1), seat("A", 1, 0))).toBe(true);
    expect(areAdjacent(seat("A", 1, 0), seat("A", 2, 2))).toBe(false);
    expect(areAdjacent(seat("A", 1, 0), seat("B", 1, 1, 1))).toBe(false);
    expect(areAdjacent(seat("A", 1, 0), seat("A", 2, 0.5))).toBe(false);
  });

  it("tolerates floating-point noise from real columns", () => {
    expect(areAdjacent(seat("A", 1, 2), seat("A", 2, 3.0000000001))).toBe(true);
  });
});

describe("splitBlocks", () => {
  it("splits a row at aisles (missing x positions)", () => {
    const row = [0, 1, 2, 4, 5, 9].map((x, i) => seat("A", i + 1, x));
    const blocks = splitBlocks(row);
    expect(blocks.map((b) => b.seats.map((s) => s.x))).toEqual([[0, 1, 2], [4, 5], [9]]);
    expect(blocks.every((b) => b.row === "A")).toBe(true);
  });

  it("returns no blocks for an empty row", () => {
    expect(splitBlocks([])).toEqual([]);
  });
});

describe("groupRows", () => {
  it("groups by row label, orders seats by x and rows by y whatever the input order", () => {
    const seats = [seat("B", 2, 3, 1), seat("A", 3, 4), seat("B", 1, 2, 1), seat("A", 1, 0), seat("A", 2, 1)];
    const rows = groupRows(seats);
    expect(rows.map((r) => r.row)).toEqual(["A", "B"]);
    expect(rows[0].seats.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(rows[0].blocks.map((b) => b.seats.length)).toEqual([2, 1]);
    expect(rows[1].y).toBe(1);
  });

  it("orders rows on the same y by label, short labels first", () => {
    const rows = groupRows([seat("AA", 1, 0, 5), seat("B", 1, 0, 5), seat("A", 1, 0, 5)]);
    expect(rows.map((r) => r.row)).toEqual(["A", "B", "AA"]);
  });
});

describe("buildGeometry / geometryOf", () => {
  const layout = layoutFromPlan(["SSS.SS", "WCSSSS"]);

  it("indexes every seat with its row, block and positions", () => {
    const g = buildGeometry(layout.seats);
    const place = g.byId.get("show:A4")!;
    expect(place.rowIndex).toBe(0);
    expect(place.indexInRow).toBe(3);
    expect(place.indexInBlock).toBe(0);
    expect(place.block.seats.map((s) => s.number)).toEqual([4, 5]);
    expect(g.byId.size).toBe(layout.seats.length);
  });

  it("caches per seats array", () => {
    expect(geometryOf(layout.seats)).toBe(geometryOf(layout.seats));
    expect(geometryOf([...layout.seats])).not.toBe(geometryOf(layout.seats));
  });

  it("knows which seats are accessible spaces", () => {
    const kinds = layout.seats.filter(isAccessibleSpace).map((s) => s.kind);
    expect(kinds).toEqual(["wheelchair", "companion"]);
  });
});

describe("layout plans", () => {
  it("builds seats, numbers them across the row and leaves aisles as gaps", () => {
    const layout = layoutFromPlan(["SS.PP", " WC"], { showId: "x" });
    expect(layout.seats.map((s) => `${s.id}/${s.x}/${s.kind}/${s.tier}`)).toEqual([
      "x:A1/0/standard/standard",
      "x:A2/1/standard/standard",
      "x:A3/3/premium/premium",
      "x:A4/4/premium/premium",
      "x:B1/1/wheelchair/standard",
      "x:B2/2/companion/standard",
    ]);
    expect(layout.gridWidth).toBe(5);
    expect(layout.tiers.map((t) => t.name)).toEqual(["standard", "premium"]);
  });

  it("labels rows past Z like a spreadsheet", () => {
    expect([0, 25, 26, 27, 51, 52].map(rowLabel)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA"]);
  });

  it("builds a 5,000-seat arena with three blocks per row", () => {
    const arena = arenaLayout();
    expect(arena.seats).toHaveLength(5000);
    const g = geometryOf(arena.seats);
    expect(g.rows).toHaveLength(50);
    expect(g.rows.every((r) => r.blocks.length === 3)).toBe(true);
    expect(new Set(arena.seats.map((s) => s.id)).size).toBe(5000);
  });
});

import { describe, expect, it } from "vitest";
import { rowLabel } from "@/lib/seat-map/layout-plan";
import { addRow, addTier, applyBrush, editorFromSeats, editorToDraft, removeRow, removeTier, renameRow, resizeWidth, setAutoNumber, toggleAisle } from "@/lib/admin/layout-editor";
import { validateLayout } from "@/lib/venue/validate-layout";

const grid = (rows: number, perRow: number) =>
  editorFromSeats(
    Array.from({ length: rows * perRow }, (_, i) => {
      const y = Math.floor(i / perRow);
      const x = i % perRow;
      return { id: `seat-${y}-${x}`, rowLabel: rowLabel(y), number: x + 1, x, y, kind: "standard" as const, tier: "standard" };
    }),
    perRow,
    rows,
    ["standard", "premium"],
  );

const numbersOf = (state: ReturnType<typeof grid>, y: number) => state.rows[y].cells.map((c) => c?.number ?? null);

describe("layout editor", () => {
  it("labels rows A…Z, AA, AB…", () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(rowLabel)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
  });

  it("round-trips stored seats and keeps their ids", () => {
    const state = grid(2, 3);
    expect(state.autoNumber).toBe(true);
    const draft = editorToDraft(state);
    expect(draft.seats).toHaveLength(6);
    expect(draft.seats[0]).toEqual({ id: "seat-0-0", rowLabel: "A", number: 1, x: 0, y: 0, kind: "standard", tier: "standard" });
    expect(validateLayout(draft)).toEqual([]);
  });

  it("a gap renumbers the row left to right; filling it adds a new seat without an id", () => {
    let state = applyBrush(grid(1, 4), 0, 1, { tool: "seat" });
    expect(numbersOf(state, 0)).toEqual([1, null, 2, 3]);
    state = applyBrush(state, 0, 1, { tool: "seat" });
    expect(numbersOf(state, 0)).toEqual([1, 2, 3, 4]);
    expect(state.rows[0].cells[1]?.id).toBeUndefined();
  });

  it("with automatic numbering off, existing numbers stay and a new seat takes the next free number", () => {
    let state = setAutoNumber(grid(1, 4), false);
    state = applyBrush(state, 0, 1, { tool: "seat" });
    expect(numbersOf(state, 0)).toEqual([1, null, 3, 4]);
    state = applyBrush(state, 0, 1, { tool: "seat" });
    expect(numbersOf(state, 0)).toEqual([1, 5, 3, 4]);
  });

  it("paints kinds and tiers on seats only, and only tiers the screen sells", () => {
    let state = applyBrush(grid(1, 3), 0, 0, { tool: "kind", kind: "wheelchair" });
    state = applyBrush(state, 0, 1, { tool: "tier", tier: "premium" });
    state = applyBrush(state, 0, 2, { tool: "tier", tier: "vip" });
    expect(state.rows[0].cells.map((c) => [c?.kind, c?.tier])).toEqual([
      ["wheelchair", "standard"],
      ["standard", "premium"],
      ["standard", "standard"],
    ]);
    const gap = applyBrush(applyBrush(state, 0, 2, { tool: "seat" }), 0, 2, { tool: "kind", kind: "premium" });
    expect(gap.rows[0].cells[2]).toBeNull();
  });

  it("an aisle column clears a column of seats; toggling it again refills rows that have seats", () => {
    let state = toggleAisle(grid(2, 5), 2);
    expect(numbersOf(state, 0)).toEqual([1, 2, null, 3, 4]);
    expect(numbersOf(state, 1)).toEqual([1, 2, null, 3, 4]);
    state = toggleAisle(state, 2);
    expect(numbersOf(state, 1)).toEqual([1, 2, 3, 4, 5]);
  });

  it("adds rows at the back (empty or copying the last one), removes and renames rows", () => {
    let state = addRow(grid(1, 3), true);
    expect(state.rows.map((r) => r.label)).toEqual(["A", "B"]);
    expect(numbersOf(state, 1)).toEqual([1, 2, 3]);
    expect(state.rows[1].cells.every((c) => c && !c.id)).toBe(true);
    state = addRow(state, false);
    expect(state.rows[2].cells.every((c) => c === null)).toBe(true);
    state = renameRow(state, 1, "bb!");
    expect(state.rows[1].label).toBe("BB");
    state = removeRow(state, 0);
    expect(state.rows.map((r) => r.label)).toEqual(["BB", "C"]);
    expect(editorToDraft(state).seats.every((s) => s.y === 0)).toBe(true);
  });

  it("widens freely but narrows only by an empty last column", () => {
    let state = resizeWidth(grid(1, 2), 1);
    expect(state.width).toBe(3);
    state = resizeWidth(state, -1);
    expect(state.width).toBe(2);
    expect(resizeWidth(state, -1).width).toBe(2);
  });

  it("adds tiers with valid names and removes only unused ones", () => {
    let state = addTier(grid(1, 2), " VIP ");
    expect(state.tiers).toEqual(["standard", "premium", "vip"]);
    expect(addTier(state, "bad name").tiers).toEqual(state.tiers);
    state = removeTier(state, "vip");
    expect(state.tiers).toEqual(["standard", "premium"]);
    expect(removeTier(state, "standard").tiers).toEqual(["standard", "premium"]);
  });
});

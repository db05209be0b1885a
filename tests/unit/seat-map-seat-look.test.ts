import { describe, expect, it } from "vitest";
import { TIER_COLOURS } from "@/components/seat-map/drawing";
import { markPatterns, placedShape, seatPaint, type DrawState } from "@/components/seat-map/seat-look";
import type { SeatKind } from "@/lib/seat-map/types";

const KINDS: SeatKind[] = ["standard", "premium", "wheelchair", "companion"];
const STATES: DrawState[] = ["available", "mine", "held", "sold"];

describe("seat drawing as one path per seat", () => {
  it("places a shape by its start point only (relative commands after it)", () => {
    for (const kind of KINDS) {
      const origin = placedShape(kind, 0, 0);
      const placed = placedShape(kind, 130, 70);
      const [, x0, y0] = origin.match(/^M([\d.]+) ([\d.]+)/)!.map(Number);
      const [, x1, y1] = placed.match(/^M([\d.]+) ([\d.]+)/)!.map(Number);
      expect([x1 - x0, y1 - y0].map((v) => Math.round(v * 100) / 100)).toEqual([130, 70]);
      expect(placed.slice(placed.search(/[a-z]/))).toBe(origin.slice(origin.search(/[a-z]/)));
      // No absolute command after the start point: it would not move with the seat.
      expect(placed.slice(1)).not.toMatch(/[A-Z]/);
    }
  });

  it("rounds the start point so no float noise reaches the DOM", () => {
    expect(placedShape("standard", 0.1 + 0.2, 0)).toBe(placedShape("standard", 0.3, 0));
  });

  it("every mark a seat's paint refers to is one of the map's patterns", () => {
    const colours = TIER_COLOURS.slice(0, 3);
    const ids = new Set(markPatterns("m1", colours).map((p) => p.id));
    for (const colour of colours) {
      for (const kind of KINDS) {
        for (const state of STATES) {
          const { fill } = seatPaint(kind, state, colour, "m1");
          const ref = fill.match(/^url\(#(.+)\)$/)?.[1];
          if (ref && ref !== "m1-stripes") expect(ids, `${kind} ${state} ${colour}`).toContain(ref);
        }
      }
    }
  });

  it("states differ by more than colour: mine and sold carry a mark, held the stripes", () => {
    for (const kind of KINDS) {
      const paint = (state: DrawState) => seatPaint(kind, state, TIER_COLOURS[0], "m1");
      expect(paint("mine").fill).toMatch(/^url\(#m1-m/);
      expect(paint("sold").fill).toMatch(/^url\(#m1-m/);
      expect(paint("held").fill).toBe("url(#m1-stripes)");
      expect(new Set(STATES.map((s) => paint(s).fill)).size).toBe(4);
    }
  });

  it("a mark pattern per map: two maps on one page never share an id", () => {
    const a = markPatterns("a", TIER_COLOURS).map((p) => p.id);
    const b = markPatterns("b", TIER_COLOURS).map((p) => p.id);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect(new Set(a).size).toBe(a.length);
  });
});

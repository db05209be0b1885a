import { describe, expect, it } from "vitest";
import { buildGeometry, geometryOf } from "@/lib/seat-map/geometry";
import { seatAtPoint } from "@/lib/seat-map/hit-test";
import { arenaLayout, layoutFromPlan } from "@/lib/seat-map/layout-plan";

// Three rows, an aisle after the third seat: A1..A3 . A4..A6 (x 0..2, aisle at x 3, 4..6).
const layout = layoutFromPlan(["SSS.SSS", "SSS.SSS", "SSS.SSS"]);
const geometry = buildGeometry(layout.seats);
const at = (x: number, y: number) => seatAtPoint(geometry, { x, y })?.id ?? null;
// The centre of a seat in grid units: seat (x, y) occupies [x, x + 1) x [y, y + 1).
const centre = (x: number, y: number) => ({ x: x + 0.5, y: y + 0.5 });

describe("seatAtPoint", () => {
  it("picks the seat under the finger", () => {
    const c = centre(1, 1);
    expect(at(c.x, c.y)).toBe("show:B2");
    expect(at(0.01, 0)).toBe("show:A1");
  });

  it("keeps a tap offset by 30% of the pitch, diagonally, on the seat aimed at", () => {
    const c = centre(1, 1);
    for (const [dx, dy] of [
      [0.3, 0.3],
      [-0.3, 0.3],
      [0.3, -0.3],
      [-0.3, -0.3],
    ]) {
      expect(at(c.x + dx, c.y + dy)).toBe("show:B2");
    }
  });

  it("never picks a seat in the next row, however close", () => {
    // Just below row A's band is row B; just above row A there is no row at all.
    expect(at(1.5, 0.999)).toBe("show:A2");
    expect(at(1.5, 1.0)).toBe("show:B2");
    expect(at(1.5, -0.01)).toBeNull();
    expect(at(1.5, 3.0)).toBeNull();
  });

  it("selects nothing in an aisle or off the end of a row", () => {
    expect(at(3.5, 1.5)).toBeNull();
    expect(at(3.2, 1.5)).toBeNull();
    expect(at(-0.2, 1.5)).toBeNull();
    expect(at(7.2, 1.5)).toBeNull();
  });

  it("takes the nearer of two seats on the line between them", () => {
    expect(at(1.49, 0.5)).toBe("show:A2");
    expect(at(0.99, 0.5)).toBe("show:A1");
  });

  it("picks a seat set off its row's line by its own square", () => {
    const offset = buildGeometry([
      { id: "A1", row: "A", number: 1, x: 0, y: 0, kind: "standard", tier: "standard" },
      { id: "A2", row: "A", number: 2, x: 1, y: 0.4, kind: "standard", tier: "standard" },
    ]);
    expect(seatAtPoint(offset, { x: 1.5, y: 1.2 })?.id).toBe("A2");
    expect(seatAtPoint(offset, { x: 1.5, y: 0.2 })).toBeNull();
  });

  it("answers nothing for a point that is not a number", () => {
    expect(at(Number.NaN, 0.5)).toBeNull();
  });

  it("finds seats across the 5,000-seat arena", () => {
    const arena = arenaLayout();
    const g = geometryOf(arena.seats);
    for (const seat of [arena.seats[0], arena.seats[2_345], arena.seats[4_999]]) {
      expect(seatAtPoint(g, { x: seat.x + 0.8, y: seat.y + 0.2 })?.id).toBe(seat.id);
    }
    // The first aisle of row A is at x 25.
    expect(seatAtPoint(g, { x: 25.5, y: 0.5 })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { findBlock } from "@/lib/seat-map/find-block";
import type { MapSeat } from "@/lib/seat-map/types";

// One row of 10 seats (A1..A10) and a second row B of 10, all standard.
const seats: MapSeat[] = ["A", "B"].flatMap((row, y) =>
  Array.from({ length: 10 }, (_, i) => ({ id: `${row}${i + 1}`, row, number: i + 1, x: i, y, kind: "standard" as const, tier: y === 0 ? "standard" : "premium" })),
);
const tiers = [
  { name: "standard", price: 1000 },
  { name: "premium", price: 1500 },
];
const allBut = (...free: string[]) => new Set(seats.map((s) => s.id).filter((id) => !free.includes(id)));

describe("findBlock: the seats a waiting party is offered", () => {
  it("offers four seats side by side when two separate pairs came back next to each other", () => {
    expect(findBlock({ seats, tiers, taken: allBut("A5", "A6"), size: 4 })).toBeNull();
    expect(findBlock({ seats, tiers, taken: allBut("A5", "A6", "A7", "A8"), size: 4 })).toEqual({ seatIds: ["A5", "A6", "A7", "A8"], together: true });
  });

  it("never leaves a single seat stranded when another block avoids it, and never offers seats apart unless the party accepts that", () => {
    // A4..A6 free and A8..A9 free: a pair in A4..A6 would strand a seat, A8+A9 strands none.
    expect(findBlock({ seats, tiers, taken: allBut("A4", "A5", "A6", "A8", "A9"), size: 2 })?.seatIds).toEqual(["A8", "A9"]);
    // Two single parties for a pair that came back: the first takes one, the second can take the other.
    expect(findBlock({ seats, tiers, taken: allBut("A4", "A5"), size: 1 })?.seatIds).toHaveLength(1);
    expect(findBlock({ seats, tiers, taken: allBut("A2", "A8"), size: 2 })).toBeNull();
    expect(findBlock({ seats, tiers, taken: allBut("A2", "A8"), size: 2, acceptApart: true })).toEqual({ seatIds: expect.arrayContaining(["A2", "A8"]), together: false });
  });

  it("keeps to the party's tier", () => {
    const taken = allBut("A3", "A4", "B3", "B4");
    expect(findBlock({ seats, tiers, taken, size: 2, tier: "premium" })?.seatIds).toEqual(["B3", "B4"]);
    expect(findBlock({ seats, tiers, taken, size: 2, tier: "standard" })?.seatIds).toEqual(["A3", "A4"]);
    expect(findBlock({ seats, tiers, taken: allBut("A3", "A4"), size: 2, tier: "premium" })).toBeNull();
  });
});

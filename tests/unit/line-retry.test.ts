import { describe, expect, it } from "vitest";
import { retryAfter } from "@/lib/waiting-room/visit";
import { placeOf } from "@/lib/waiting-room/types";

// When a waiting visitor asks again (lib/waiting-room/visit.ts): just after their place is due,
// never in a tight loop near the front, and at least every 30 s however long the line.
describe("the line's poll interval", () => {
  it("asks just after the place comes up", () => {
    expect(retryAfter(1_200)).toBe(1_300);
    expect(retryAfter(12_000)).toBe(12_100);
  });

  it("never sooner than half a second, never later than 30 s", () => {
    expect(retryAfter(0)).toBe(500);
    expect(retryAfter(100)).toBe(500);
    expect(retryAfter(29_950)).toBe(30_000);
    expect(retryAfter(10 * 60_000)).toBe(30_000);
  });

  it("spreads a line's polls by place: one place every 60,000 / rate ms", () => {
    // 600 a minute, 3.5 admitted so far: places 10, 11 and 12 are due 100 ms apart.
    const due = [10, 11, 12].map((place) => retryAfter(placeOf(place, 3.5, 600).waitMs));
    expect(due).toEqual([750, 850, 950]);
  });
});

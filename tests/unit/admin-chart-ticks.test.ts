import { describe, expect, it } from "vitest";
import { axisTicks, countCeiling, niceCeiling, tickCount } from "@/lib/admin/chart-scale";

describe("chart ticks", () => {
  it("splits every nice top into round steps", () => {
    for (const value of [1, 3, 7, 12, 180, 450, 999, 1234, 48_000]) {
      const top = niceCeiling(value);
      const ticks = axisTicks(top, tickCount(top));
      const step = ticks[1];
      // The step is itself 1, 2 or 5 × 10ⁿ, so every tick label is a round figure.
      expect([1, 2, 5]).toContain(Math.round(step / 10 ** Math.floor(Math.log10(step))));
      expect(ticks.at(-1)).toBe(top);
    }
    expect(axisTicks(20, tickCount(20))).toEqual([0, 5, 10, 15, 20]);
    expect(axisTicks(50, tickCount(50))).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it("keeps count axes in whole numbers, even with nothing sold", () => {
    expect(countCeiling(0)).toBe(5);
    expect(axisTicks(countCeiling(0), tickCount(countCeiling(0)))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(countCeiling(3)).toBe(5);
    expect(countCeiling(13)).toBe(20);
  });
});

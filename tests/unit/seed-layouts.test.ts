import { describe, expect, it } from "vitest";
import { laScreens, screens as nyScreens } from "@/db/seed-data";

const screens = [...nyScreens, ...laScreens];

describe("demo screen layouts", () => {
  const built = Object.fromEntries(screens.map((s) => [s.name, s.build()]));

  it("gives Los Angeles its own screens, IMAX the largest", () => {
    expect(laScreens.map((s) => s.name)).toEqual(["Studio A", "Studio B", "IMAX"]);
    expect(laScreens.find((s) => s.name === "IMAX")?.format).toBe("imax");
    expect(built.IMAX.seats.length).toBeGreaterThan(Math.max(built["Studio A"].seats.length, built["Studio B"].seats.length));
    expect(nyScreens.map((s) => s.name).filter((n) => laScreens.some((l) => l.name === n))).toEqual([]);
  });

  it("has the three sizes the cinema runs", () => {
    expect(built["Screen 1"].seats.length).toBe(120);
    expect(built["Screen 2"].seats.length).toBe(220);
    expect(built["Grand (Large Format)"].seats.length).toBeGreaterThanOrEqual(450);
  });

  it("places every seat on its own grid cell inside the grid", () => {
    for (const { seats, gridWidth, gridHeight } of Object.values(built)) {
      const cells = new Set(seats.map((s) => `${s.x},${s.y}`));
      expect(cells.size).toBe(seats.length);
      for (const s of seats) {
        expect(s.x).toBeGreaterThanOrEqual(0);
        expect(s.x).toBeLessThan(gridWidth);
        expect(s.y).toBeLessThan(gridHeight);
      }
    }
  });

  it("gives Screen 1 a centre aisle and wheelchair spaces beside companion seats", () => {
    const rowA = built["Screen 1"].seats.filter((s) => s.rowLabel === "A");
    const xs = rowA.map((s) => s.x);
    expect(Math.max(...xs) - Math.min(...xs) + 1).toBe(13); // 12 seats and one aisle column
    const wheelchairs = rowA.filter((s) => s.kind === "wheelchair");
    expect(wheelchairs).toHaveLength(2);
    for (const w of wheelchairs) {
      expect(rowA.some((s) => s.kind === "companion" && Math.abs(s.x - w.x) === 1)).toBe(true);
    }
  });

  it("prices premium seats in their own tier where the screen sells one", () => {
    for (const spec of screens) {
      const { seats } = built[spec.name];
      for (const s of seats) expect(spec.tiers).toContain(s.tier);
      for (const tier of spec.tiers) expect(spec.prices[tier]).toBeGreaterThan(0);
    }
    expect(built["Screen 2"].seats.filter((s) => s.tier === "premium").length).toBeGreaterThan(20);
  });
});

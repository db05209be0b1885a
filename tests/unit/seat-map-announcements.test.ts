import { describe, expect, it } from "vitest";
import { countdownAnnouncement, countdownMark, selectionAnnouncement } from "@/lib/seat-map/announcements";

const m13 = { row: "M", number: 13 };
const m14 = { row: "M", number: 14 };

describe("selectionAnnouncement", () => {
  it("says which seat was added, how many are selected and the total", () => {
    expect(selectionAnnouncement([m13], [], 2, "$48.00")).toBe("M13 added — 2 seats, $48.00");
    expect(selectionAnnouncement([m13], [], 1, "$24.00")).toBe("M13 added — 1 seat, $24.00");
  });

  it("says which seats were released, and when none are left", () => {
    expect(selectionAnnouncement([], [m14], 1, "$24.00")).toBe("M14 released — 1 seat, $24.00");
    expect(selectionAnnouncement([], [m13, m14], 0, "$0.00")).toBe("M13 and M14 released — no seats");
  });

  it("says both when one change added and released (best available)", () => {
    expect(selectionAnnouncement([m13, m14], [{ row: "A", number: 1 }], 2, "$48.00")).toBe("M13 and M14 added, A1 released — 2 seats, $48.00");
  });

  it("says nothing when nothing changed", () => {
    expect(selectionAnnouncement([], [], 2, "$48.00")).toBeNull();
  });
});

describe("countdownMark", () => {
  it("is 5 within five minutes, 2 within two, and nothing above five or after the end", () => {
    expect(countdownMark(null)).toBeNull();
    expect(countdownMark(9 * 60_000)).toBeNull();
    expect(countdownMark(5 * 60_000 + 1)).toBeNull();
    expect(countdownMark(5 * 60_000)).toBe(5);
    expect(countdownMark(2 * 60_000 + 1)).toBe(5);
    expect(countdownMark(2 * 60_000)).toBe(2);
    expect(countdownMark(30_000)).toBe(2);
    expect(countdownMark(0)).toBeNull();
  });

  it("words the announcement", () => {
    expect(countdownAnnouncement(5)).toBe("5 minutes left to continue with these seats.");
  });
});

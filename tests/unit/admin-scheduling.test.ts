import { describe, expect, it } from "vitest";
import { CLEANING_MINUTES, dailyShowtimes, findClashes, showSpan, spansOverlap } from "@/lib/catalog/show-overlap";
import { formatMoneyInput, parseMoney } from "@/lib/money";
import { scheduleShowsSchema } from "@/lib/catalog/show-input";

const at = (iso: string) => new Date(iso);
const booked = (id: string, start: string, end: string) => ({ id, title: id, start: at(start), end: at(end) });

describe("show overlap", () => {
  it("a show keeps its screen for its runtime plus the cleaning buffer", () => {
    const span = showSpan(at("2030-03-01T18:00:00Z"), 100);
    expect(span.end.toISOString()).toBe(new Date(at("2030-03-01T18:00:00Z").getTime() + (100 + CLEANING_MINUTES) * 60_000).toISOString());
  });

  it("spans are half-open: back to back is fine, one minute into the next is not", () => {
    const first = { start: at("2030-03-01T18:00:00Z"), end: at("2030-03-01T20:00:00Z") };
    expect(spansOverlap(first, { start: at("2030-03-01T20:00:00Z"), end: at("2030-03-01T22:00:00Z") })).toBe(false);
    expect(spansOverlap(first, { start: at("2030-03-01T19:59:00Z"), end: at("2030-03-01T22:00:00Z") })).toBe(true);
    expect(spansOverlap(first, { start: at("2030-03-01T16:00:00Z"), end: at("2030-03-01T18:00:00Z") })).toBe(false);
    expect(spansOverlap(first, { start: at("2030-03-01T18:30:00Z"), end: at("2030-03-01T19:00:00Z") })).toBe(true);
  });

  it("a new show whose cleaning buffer runs into the next show clashes", () => {
    // 105 minutes + 15 cleaning from 18:00 ends 20:00; the booked show starts 19:55.
    const span = showSpan(at("2030-03-01T18:00:00Z"), 105);
    const clashes = findClashes([span], [booked("late", "2030-03-01T19:55:00Z", "2030-03-01T22:00:00Z")]);
    expect(clashes).toEqual([{ index: 0, shows: [expect.objectContaining({ id: "late" })], candidates: [] }]);
    expect(findClashes([showSpan(at("2030-03-01T18:00:00Z"), 100)], [booked("late", "2030-03-01T19:55:00Z", "2030-03-01T22:00:00Z")])).toEqual([]);
  });

  it("reports every clashing candidate, and candidates that meet each other", () => {
    const spans = [showSpan(at("2030-03-01T10:00:00Z"), 60), showSpan(at("2030-03-02T10:00:00Z"), 60), showSpan(at("2030-03-03T10:00:00Z"), 60)];
    const clashes = findClashes(spans, [booked("x", "2030-03-02T10:30:00Z", "2030-03-02T12:00:00Z")]);
    expect(clashes.map((c) => c.index)).toEqual([1]);
    const long = [showSpan(at("2030-03-01T10:00:00Z"), 24 * 60), showSpan(at("2030-03-02T10:00:00Z"), 60)];
    expect(findClashes(long, []).map((c) => c.candidates)).toEqual([[1], [0]]);
  });

  it("repeats a local time daily across a daylight-saving change", () => {
    const times = dailyShowtimes("2030-03-09", "19:30", 3, "America/New_York");
    expect(times.map((t) => t.date)).toEqual(["2030-03-09", "2030-03-10", "2030-03-11"]);
    // EST (UTC-5) on the 9th, EDT (UTC-4) from the 10th: the wall clock stays at 19:30.
    expect(times.map((t) => t.start.toISOString())).toEqual(["2030-03-10T00:30:00.000Z", "2030-03-10T23:30:00.000Z", "2030-03-11T23:30:00.000Z"]);
  });
});

describe("money input", () => {
  it("reads decimal money into minor units without float error", () => {
    expect(parseMoney("12.50", "usd")).toBe(1250);
    expect(parseMoney("12.5", "usd")).toBe(1250);
    expect(parseMoney("12", "usd")).toBe(1200);
    expect(parseMoney("0.29", "usd")).toBe(29);
    expect(parseMoney(" $1,250.00 ", "usd")).toBe(125000);
    expect(parseMoney("1500", "jpy")).toBe(1500);
  });

  it("refuses what is not an amount", () => {
    for (const bad of ["", "-1", "12.345", "abc", "1e3", "12,5", "1.5", "."]) {
      expect(parseMoney(bad, bad === "1.5" ? "jpy" : "usd"), bad).toBeNull();
    }
  });

  it("writes minor units back for a form field", () => {
    expect(formatMoneyInput(1250, "usd")).toBe("12.50");
    expect(formatMoneyInput(1500, "jpy")).toBe("1500");
  });
});

describe("scheduling form", () => {
  it("takes an optional price card (empty: by the rules) and bounds the repeat", () => {
    const parsed = scheduleShowsSchema.safeParse({
      movieId: "00000000-0000-4000-8000-000000000001",
      screenId: "00000000-0000-4000-8000-000000000002",
      date: "2030-03-01",
      time: "19:30",
      days: "7",
      priceCardId: "",
    });
    expect(parsed.success && parsed.data).toMatchObject({ days: 7, priceCardId: null });
    const chosen = scheduleShowsSchema.safeParse({ movieId: "00000000-0000-4000-8000-000000000001", screenId: "00000000-0000-4000-8000-000000000002", date: "2030-03-01", time: "19:30", priceCardId: "card-1" });
    expect(chosen.success && chosen.data).toMatchObject({ days: 1, priceCardId: "card-1" });
    const tooMany = scheduleShowsSchema.safeParse({ movieId: "00000000-0000-4000-8000-000000000001", screenId: "00000000-0000-4000-8000-000000000002", date: "2030-03-01", time: "19:30", days: "15" });
    expect(tooMany.success).toBe(false);
    const badTime = scheduleShowsSchema.safeParse({ movieId: "00000000-0000-4000-8000-000000000001", screenId: "00000000-0000-4000-8000-000000000002", date: "2030-03-01", time: "25:00" });
    expect(!badTime.success && badTime.error.issues[0].path).toEqual(["time"]);
  });
});

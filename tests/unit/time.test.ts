import { describe, expect, it } from "vitest";
import { addDays, formatTime, formatTimeWithZone, localDate, localDays, zonedToUtc, zoneLabel } from "@/lib/time";
import { formatMoney, formatMoneyCompact } from "@/lib/money";

describe("theater time zone", () => {
  it("turns a New York wall-clock time into the right instant, winter and summer", () => {
    expect(zonedToUtc("2026-11-21", "18:30", "America/New_York").toISOString()).toBe("2026-11-21T23:30:00.000Z");
    expect(zonedToUtc("2026-07-04", "18:30", "America/New_York").toISOString()).toBe("2026-07-04T22:30:00.000Z");
  });

  it("handles the day clocks change", () => {
    // 2026-11-01: New York falls back from EDT to EST at 02:00.
    expect(zonedToUtc("2026-11-01", "12:00", "America/New_York").toISOString()).toBe("2026-11-01T17:00:00.000Z");
    expect(zonedToUtc("2026-03-08", "12:00", "America/New_York").toISOString()).toBe("2026-03-08T16:00:00.000Z");
  });

  it("reads the local date and time in the theater's zone, not the server's", () => {
    const late = new Date("2026-11-22T03:00:00Z");
    expect(localDate(late, "America/New_York")).toBe("2026-11-21");
    expect(localDate(late, "Europe/Berlin")).toBe("2026-11-22");
    expect(formatTime(late, "America/New_York")).toBe("10:00 PM");
  });

  it("adds calendar days across month ends", () => {
    expect(addDays("2026-11-28", 5)).toBe("2026-12-03");
  });

  it("formats minor units as money", () => {
    expect(formatMoney(1250, "usd")).toBe("$12.50");
    expect(formatMoney(1000, "jpy")).toBe("¥1,000");
  });

  it("formats minor units as short money for chart axes, in the currency's own unit", () => {
    expect(formatMoneyCompact(123_456, "usd")).toBe("$1.2K");
    // Yen have no minor unit: 123,456 is ¥123K, not ¥1.2K.
    expect(formatMoneyCompact(123_456, "jpy")).toBe("¥123.5K");
  });

  it("spans whole local days: 25 hours on the day New York falls back", () => {
    const { from, to } = localDays("2026-11-01", "America/New_York");
    expect(from.toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(to.getTime() - from.getTime()).toBe(25 * 3_600_000);
    expect(localDays("2026-11-20", "America/New_York", 3).to.toISOString()).toBe("2026-11-23T05:00:00.000Z");
  });

  it("names a zone with every underscore as a space", () => {
    expect(zoneLabel("America/Port_of_Spain")).toBe("America/Port of Spain");
    expect(zoneLabel("Europe/London")).toBe("Europe/London");
  });

  it("names the zone of a time read away from the theater (emails, tickets)", () => {
    const instant = new Date("2026-11-21T23:30:00Z");
    expect(formatTimeWithZone(instant, "America/Los_Angeles")).toMatch(/^3:30\sPM PST$/);
    expect(formatTimeWithZone(instant, "America/New_York")).toMatch(/^6:30\sPM EST$/);
    expect(formatTimeWithZone(new Date("2026-07-04T02:00:00Z"), "America/Los_Angeles")).toMatch(/^7:00\sPM PDT$/);
  });
});

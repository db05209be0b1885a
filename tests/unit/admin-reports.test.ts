import { describe, expect, it } from "vitest";
import { axisTicks, niceCeiling, percent } from "@/lib/admin/chart-scale";
import { csvCell, csvRow } from "@/lib/admin/csv";
import { doorByDay, lastDays, revenueByDay, revenueByMovie } from "@/lib/admin/dashboard-report";
import { orderTimeline } from "@/lib/admin/order-timeline";
import { checkPoster, isPosterFileName, posterContentType, sniffPoster } from "@/lib/catalog/poster-image";
import { slugify } from "@/lib/catalog/movie-input";

describe("dashboard figures", () => {
  const tz = "America/New_York";
  it("buckets revenue by the theater's local day, zero-filled, refunds already excluded by the query", () => {
    const dates = lastDays("2030-03-03", 3);
    expect(dates).toEqual(["2030-03-01", "2030-03-02", "2030-03-03"]);
    const rows = [
      // 02:00 UTC on the 3rd is still the 2nd in New York.
      { paidAt: new Date("2030-03-03T02:00:00Z"), amount: 1250, movieId: "m1", title: "B movie" },
      { paidAt: new Date("2030-03-03T15:00:00Z"), amount: 2000, movieId: "m2", title: "A movie" },
      { paidAt: new Date("2030-03-03T16:00:00Z"), amount: 1250, movieId: "m1", title: "B movie" },
      { paidAt: new Date("2030-02-20T16:00:00Z"), amount: 999, movieId: "m1", title: "B movie" },
    ];
    expect(revenueByDay(rows, dates, tz)).toEqual([
      { date: "2030-03-01", amount: 0 },
      { date: "2030-03-02", amount: 1250 },
      { date: "2030-03-03", amount: 3250 },
    ]);
    expect(revenueByMovie(rows.slice(0, 3))).toEqual([
      { movieId: "m1", title: "B movie", amount: 2500, orders: 2 },
      { movieId: "m2", title: "A movie", amount: 2000, orders: 1 },
    ]);
  });

  it("adds up tickets sold and admitted per show day", () => {
    const dates = lastDays("2030-03-02", 2);
    const rows = [
      { startsAt: new Date("2030-03-02T23:00:00Z"), sold: 10, admitted: 7 },
      { startsAt: new Date("2030-03-02T18:00:00Z"), sold: 5, admitted: 5 },
    ];
    expect(doorByDay(rows, dates, tz)).toEqual([
      { date: "2030-03-01", sold: 0, admitted: 0 },
      { date: "2030-03-02", sold: 15, admitted: 12 },
    ]);
  });

  it("rounds chart axes to 1, 2 or 5 × 10ⁿ", () => {
    expect([0, 1, 7, 12, 250, 999, 1001].map(niceCeiling)).toEqual([1, 1, 10, 20, 500, 1000, 2000]);
    expect(axisTicks(100, 4)).toEqual([0, 25, 50, 75, 100]);
    expect(percent(1, 3)).toBe(33);
    expect(percent(1, 0)).toBe(0);
  });
});

describe("CSV", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(csvCell('Say "hi", ok')).toBe('"Say ""hi"", ok"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(csvRow(["a", 1, undefined])).toBe("a,1,\r\n");
  });
});

describe("order timeline", () => {
  const base = { createdAt: new Date("2030-03-01T10:00:00Z"), paidAt: null, status: "pending" as const, refundReason: null, refundedAt: null, closedAt: null };
  it("orders created, paid, emailed, admitted and refunded by time", () => {
    const events = orderTimeline(
      { ...base, paidAt: new Date("2030-03-01T10:02:00Z"), status: "refunded", refundReason: "admin", refundedAt: new Date("2030-03-02T09:00:00Z") },
      [
        { subject: "Your tickets", toAddress: "a@example.com", status: "sent", sentAt: new Date("2030-03-01T10:03:00Z"), createdAt: new Date("2030-03-01T10:02:30Z"), attempts: 1 },
        { subject: "Refunded", toAddress: "a@example.com", status: "pending", sentAt: null, createdAt: new Date("2030-03-02T09:00:01Z"), attempts: 0 },
      ],
      [{ seat: "Row E, seat 5", admittedAt: new Date("2030-03-01T19:00:00Z") }, { seat: "Row E, seat 6", admittedAt: null }],
    );
    expect(events.map((e) => e.kind)).toEqual(["created", "paid", "emailed", "admitted", "refunded", "email-waiting"]);
    expect(events.find((e) => e.kind === "refunded")?.detail).toBe("refunded by the box office");
  });

  it("puts a refund the provider has not confirmed last, without a time", () => {
    const events = orderTimeline({ ...base, paidAt: new Date("2030-03-01T10:02:00Z"), status: "refunded", refundReason: "show_cancelled" }, [], []);
    expect(events.at(-1)).toMatchObject({ at: null, kind: "refunded", detail: "the show was cancelled" });
  });

  it("shows an unpaid checkout closing", () => {
    const events = orderTimeline({ ...base, status: "expired", closedAt: new Date("2030-03-01T10:31:00Z") }, [], []);
    expect(events.map((e) => e.title)).toEqual(["Checkout started", "Checkout expired unpaid"]);
  });
});

describe("poster checks", () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
  const webp = Uint8Array.from([...Buffer.from("RIFF"), 0, 0, 0, 0, ...Buffer.from("WEBPVP8 ")]);
  const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

  it("knows PNG, JPEG and WebP by their first bytes", () => {
    expect(sniffPoster(png)?.ext).toBe("png");
    expect(sniffPoster(jpeg)?.ext).toBe("jpg");
    expect(sniffPoster(webp)?.ext).toBe("webp");
    expect(sniffPoster(svg)).toBeNull();
  });

  it("refuses a renamed file whatever its declared type, an unsafe declared type, empty and oversized files", () => {
    expect(checkPoster(svg, "image/png")).toEqual({ ok: false, message: "Posters must be PNG, JPEG or WebP images." });
    expect(checkPoster(png, "image/svg+xml").ok).toBe(false);
    expect(checkPoster(png, "image/png").ok).toBe(true);
    expect(checkPoster(new Uint8Array(), "image/png")).toEqual({ ok: false, message: "Choose an image file to upload." });
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(png);
    expect(checkPoster(big, "image/png")).toEqual({ ok: false, message: "The poster must be 2 MB or smaller." });
  });

  it("serves only names the upload generates", () => {
    const good = "0f8fad5b-d9cb-469f-a165-70867728950e-0123456789abcdef.webp";
    expect(isPosterFileName(good)).toBe(true);
    expect(posterContentType(good)).toBe("image/webp");
    for (const bad of ["../secret.png", "0f8fad5b-d9cb-469f-a165-70867728950e-0123456789abcdef.svg", "x.png", `${good}/..`, "%2e%2e%2fetc.png"]) {
      expect(isPosterFileName(bad), bad).toBe(false);
    }
  });
});

describe("movie web address", () => {
  it("slugifies titles", () => {
    expect(slugify("Salt & Honey!")).toBe("salt-honey");
    expect(slugify("  Amélie à Paris ")).toBe("amelie-a-paris");
    expect(slugify("???")).toBe("");
  });
});

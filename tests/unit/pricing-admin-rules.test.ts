import { describe, expect, it } from "vitest";
import { revenueByTicketType } from "@/lib/admin/dashboard-report";
import { describeRules } from "@/lib/catalog/card-rules-words";
import { checkCardGrid, gridInWords } from "@/lib/pricing-admin/card-grid-check";
import { formatTaxRate, parseTaxRate } from "@/lib/pricing-admin/fees-and-tax-input";
import { promoCodeSchema } from "@/lib/pricing-admin/promo-code-input";

const types = [
  { id: "adult", name: "Adult", retiredAt: null },
  { id: "child", name: "Child", retiredAt: null },
  { id: "old", name: "Old", retiredAt: new Date() },
];

describe("a price card's grid", () => {
  it("accepts a type priced in every tier on sale, and a type left out everywhere", () => {
    const check = checkCardGrid({ standard: { adult: "12.50", child: "" }, premium: { adult: "16" } }, ["standard", "premium"], types, "usd");
    expect(check).toEqual({ cells: [{ tier: "standard", ticketTypeId: "adult", amount: 1250 }, { tier: "premium", ticketTypeId: "adult", amount: 1600 }], errors: {}, message: null });
    expect(gridInWords(check.cells, types, "usd")).toBe("Standard: Adult 12.50; Premium: Adult 16.00");
  });

  it("names each missing (tier, type) of an offered type, and refuses unknown or retired types and tiers no screen sells", () => {
    const missing = checkCardGrid({ standard: { adult: "10", child: "8" }, premium: { adult: "14" } }, ["standard", "premium"], types, "usd");
    expect(missing.message).toBe("Premium seats are on sale but this card has no Premium price for Child.");
    expect(Object.keys(missing.errors)).toEqual(["prices.premium.child"]);
    const bad = checkCardGrid({ standard: { stranger: "1", old: "2" }, balcony: { adult: "3" } }, ["standard"], types, "usd");
    expect(bad.errors).toEqual({
      "prices.standard.stranger": ["That ticket type is not one of this theater's."],
      "prices.standard.old": ["Old is retired: clear its prices, or sell it again first."],
      "prices.balcony.adult": ["No screen sells Balcony seats."],
    });
  });
});

describe("rules, tax rates and codes as typed", () => {
  it("says a card's rules in words", () => {
    expect(describeRules({ isDefault: false, startsBefore: "17:00", startsFrom: null, days: [2], formats: ["IMAX"], validFrom: null, validUntil: "2030-12-31" })).toBe("starts before 17:00 · Tuesdays · IMAX · until 2030-12-31");
    expect(describeRules({ isDefault: true, startsBefore: null, startsFrom: null, days: [], formats: [], validFrom: null, validUntil: null })).toBe("Default: any show no other card fits");
  });

  it("reads a tax rate in percent into basis points, at most two decimals, up to 50 %", () => {
    expect([parseTaxRate("20"), parseTaxRate("8.25"), parseTaxRate(" 7.5 %"), parseTaxRate("0")]).toEqual([2000, 825, 750, 0]);
    expect([parseTaxRate("8.125"), parseTaxRate("51"), parseTaxRate("-1"), parseTaxRate("abc")]).toEqual([null, null, null, null]);
    expect(formatTaxRate(825)).toBe("8.25");
  });

  it("stores a code upper-cased without spaces, and refuses a bad one", () => {
    const ok = promoCodeSchema.parse({ theaterId: "t", code: " marquee 10 ", kind: "fixed", amount: "2.50", per: "ticket" });
    expect(ok.code).toBe("MARQUEE10");
    const bad = promoCodeSchema.safeParse({ theaterId: "t", code: "x!", kind: "fixed", amount: "2", per: "ticket" });
    expect(!bad.success && bad.error.issues[0].message).toBe("Use 3 to 32 letters, digits or dashes, like SUMMER10.");
  });
});

describe("revenue by ticket type", () => {
  it("puts order fees on a line of their own and a total whose parts add up", () => {
    const { lines, total } = revenueByTicketType(
      [
        { ticketType: "Child", tickets: 1, gross: 900, tax: 150, fees: 100, discount: 0 },
        { ticketType: "Adult", tickets: 2, gross: 2600, tax: 433, fees: 200, discount: 300 },
      ],
      { gross: 120, tax: 20, fees: 100 },
    );
    expect(lines.map((l) => [l.ticketType, l.net])).toEqual([["Adult", 2167], ["Child", 750], ["Order booking fees", 100]]);
    expect(total).toEqual({ ticketType: "Total", tickets: 3, gross: 3620, tax: 603, fees: 400, discount: 300, net: 3017 });
  });
});

import { describe, expect, it } from "vitest";
import { allocate, computeBasket, taxOf, type PricingInput } from "@/lib/pricing/engine";
import { normaliseCode, promoRefusal } from "@/lib/pricing/promo";
import { cardMatches, selectCard } from "@/lib/pricing/select-card";
import { effectiveSnapshot, fromPrices, missingTiers } from "@/lib/pricing/snapshot";
import type { PriceCardView, PromoCodeView, TheaterPricing, TicketTypeView } from "@/lib/pricing/types";

const T = "theater-1";
const type = (id: string, name: string, extra: Partial<TicketTypeView> = {}): TicketTypeView => ({ id, theaterId: T, name, note: "", minAge: null, child: false, feeAmount: null, sortOrder: 0, retiredAt: null, ...extra });
const adult = type("adult", "Adult");
const child = type("child", "Child", { child: true, sortOrder: 1 });
const senior = type("senior", "Senior", { sortOrder: 2, feeAmount: 0 });
const types = [adult, child, senior];
const noFees: TheaterPricing = { bookingFeePerTicket: 0, bookingFeePerOrder: 0, pricesIncludeFees: false, taxRateBp: 0, pricesIncludeTax: false, adultsOnlyRatings: [] };
const snapshot = { cardId: "c", cardName: "Standard", takenAt: "2026-01-01T00:00:00Z", prices: { standard: { adult: 1250, child: 900, senior: 1000 }, premium: { adult: 1650 } } };
const promo = (extra: Partial<PromoCodeView> = {}): PromoCodeView => ({
  id: "p", theaterId: T, code: "MARQUEE10", kind: "percent", amount: 10, appliesTo: "order", validFrom: null, validUntil: null,
  movieIds: null, showIds: null, daysOfWeek: null, ticketTypeIds: null, maxRedemptions: null, perCustomerLimit: null, redemptions: 0, retiredAt: null, ...extra,
});
const input = (extra: Partial<PricingInput>): PricingInput => ({ snapshot, types, theaterId: T, theater: noFees, rating: "PG", seats: [], ...extra });
const seat = (n: number, ticketTypeId: string, tier = "standard") => ({ seatId: `s${n}`, tier, ticketTypeId });

function priced(i: PricingInput) {
  const r = computeBasket(i);
  if (!r.ok) throw new Error(r.message);
  return r.basket;
}

describe("price engine", () => {
  it("prices each seat by tier and type", () => {
    const b = priced(input({ seats: [seat(1, "adult"), seat(2, "adult"), seat(3, "child"), seat(4, "adult", "premium")] }));
    expect(b.lines.map((l) => l.amount)).toEqual([1250, 1250, 900, 1650]);
    expect(b.total).toBe(5050);
  });

  it("adds per-ticket fees (a type's own fee overrides), the per-order fee, and US-style tax per line", () => {
    const theater = { ...noFees, bookingFeePerTicket: 150, bookingFeePerOrder: 99, taxRateBp: 825 };
    const b = priced(input({ theater, seats: [seat(1, "adult"), seat(2, "senior")] }));
    // adult: (1250 + 150) × 8.25 % = 115.5 → 116 (half up); senior: fee 0, 1000 × 8.25 % = 82.5 → 83
    expect(b.lines.map((l) => [l.price, l.fee, l.tax, l.amount])).toEqual([[1250, 150, 116, 1516], [1000, 0, 83, 1083]]);
    expect(b.orderFeeTax).toBe(8); // 99 × 8.25 % = 8.17
    expect(b.orderFee).toBe(107);
    expect(b.total).toBe(1516 + 1083 + 107);
    expect(b.taxAmount).toBe(116 + 83 + 8);
  });

  it("VAT-style: tax is inside the price and the amount is not raised", () => {
    const theater = { ...noFees, taxRateBp: 2000, pricesIncludeTax: true };
    const b = priced(input({ theater, seats: [seat(1, "adult")] }));
    expect(b.lines[0]).toMatchObject({ price: 1250, tax: 208, amount: 1250 }); // 1250 − round(1250/1.2 = 1041.67)
    expect(b.taxIncluded).toBe(true);
  });

  it("a percent code per order is split over the lines exactly; per ticket it is each line's", () => {
    const seats = [seat(1, "adult"), seat(2, "adult"), seat(3, "child")];
    const perOrder = priced(input({ seats, promo: promo({ amount: 15 }) }));
    expect(perOrder.discountAmount).toBe(Math.round(3400 * 0.15));
    expect(perOrder.lines.reduce((s, l) => s + l.discount, 0)).toBe(510);
    const perTicket = priced(input({ seats, promo: promo({ amount: 15, appliesTo: "ticket" }) }));
    expect(perTicket.lines.map((l) => l.discount)).toEqual([188, 188, 135]);
  });

  it("a fixed code never takes a line below zero, and is limited to its ticket types", () => {
    const b = priced(input({ seats: [seat(1, "adult"), seat(2, "child")], promo: promo({ kind: "fixed", amount: 5000, appliesTo: "ticket", ticketTypeIds: ["child"] }) }));
    expect(b.lines.map((l) => [l.discount, l.amount])).toEqual([[0, 1250], [900, 0]]);
  });

  it("a 100 % code on a theater without fees makes the order free", () => {
    const b = priced(input({ seats: [seat(1, "adult"), seat(2, "child")], promo: promo({ amount: 100 }) }));
    expect(b.total).toBe(0);
    expect(b.lines.every((l) => l.amount === 0)).toBe(true);
  });

  it("refuses, with a reason, what the show does not sell", () => {
    const cases: [Partial<PricingInput>, string][] = [
      [{ seats: [seat(1, "nope")] }, "unknown_type"],
      [{ seats: [seat(1, "other")], types: [...types, type("other", "Adult", { theaterId: "theater-2" })] }, "other_theater"],
      [{ seats: [seat(1, "old")], types: [...types, type("old", "Veteran", { retiredAt: new Date() })] }, "retired_type"],
      [{ seats: [seat(1, "child", "premium")] }, "not_offered"],
      [{ seats: [seat(1, "adult", "balcony")] }, "tier_not_on_sale"],
      [{ seats: [seat(1, "child")], rating: "R", theater: { ...noFees, adultsOnlyRatings: ["R", "NC-17"] } }, "child_rating"],
      [{ seats: [seat(1, "adult")], promo: promo({ ticketTypeIds: ["child"] }) }, "promo_no_eligible"],
      [{ seats: [] }, "empty"],
    ];
    for (const [extra, reason] of cases) {
      const r = computeBasket(input(extra));
      expect(r.ok ? "priced" : r.reason).toBe(reason);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });

  it("property: random carts — the lines add up to the total, nothing is negative, discounts within prices", () => {
    const rnd = mulberry32(18);
    const pick = <X,>(xs: readonly X[]) => xs[Math.floor(rnd() * xs.length)];
    for (let run = 0; run < 3000; run++) {
      const theater: TheaterPricing = {
        bookingFeePerTicket: pick([0, 1, 99, 150, 333]),
        bookingFeePerOrder: pick([0, 1, 75, 250]),
        pricesIncludeFees: rnd() < 0.5,
        taxRateBp: pick([0, 1, 500, 825, 1999, 2000, 2500]),
        pricesIncludeTax: rnd() < 0.5,
        adultsOnlyRatings: [],
      };
      const prices = { standard: { adult: pick([0, 1, 999, 1250, 1333]), child: pick([0, 1, 7, 900]), senior: pick([1, 1000, 4999]) } };
      const seats = Array.from({ length: 1 + Math.floor(rnd() * 12) }, (_, i) => seat(i, pick(["adult", "child", "senior"])));
      const code = rnd() < 0.7 ? promo({ kind: pick(["percent", "fixed"] as const), amount: pick([1, 3, 10, 33, 50, 99, 100, 777, 5000]), appliesTo: pick(["order", "ticket"] as const) }) : null;
      if (code?.kind === "percent" && code.amount > 100) code.amount = 100;
      const r = computeBasket(input({ theater, seats, promo: code, snapshot: { ...snapshot, prices } }));
      if (!r.ok) {
        expect(r.reason).toBe("promo_no_eligible");
        continue;
      }
      const b = r.basket;
      expect(b.lines.reduce((s, l) => s + l.amount, 0) + b.orderFee).toBe(b.total);
      expect(b.lines.reduce((s, l) => s + l.discount, 0)).toBe(b.discountAmount);
      expect(b.lines.reduce((s, l) => s + l.tax, 0) + b.orderFeeTax).toBe(b.taxAmount);
      for (const l of b.lines) {
        expect(Number.isInteger(l.amount) && l.amount >= 0 && l.tax >= 0 && l.discount >= 0).toBe(true);
        expect(l.discount).toBeLessThanOrEqual(l.price);
        expect(l.amount).toBe(l.price + l.fee - l.discount + (b.taxIncluded ? 0 : l.tax));
      }
      if (code?.kind === "percent" && code.amount === 100 && !theater.bookingFeePerTicket && !theater.bookingFeePerOrder) expect(b.total).toBe(0);
    }
  });

  it("allocate: parts add up and follow the weights", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(7, [0, 5, 5])).toEqual([0, 4, 3]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
    expect(taxOf(1000, 0, false)).toBe(0);
  });
});

describe("price cards", () => {
  const card = (id: string, extra: Partial<PriceCardView>): PriceCardView => ({
    id, theaterId: T, name: id, priority: 0, isDefault: false, retiredAt: null, prices: {},
    daysOfWeek: null, dayPartFromMinute: null, dayPartUntilMinute: null, formats: null, validFrom: null, validUntil: null, ...extra,
  });
  const cards = [
    card("default", { isDefault: true }),
    card("matinee", { dayPartUntilMinute: 17 * 60 }),
    card("tuesday", { daysOfWeek: [2] }),
    card("imax", { formats: ["IMAX"], priority: 10 }),
    card("old", { retiredAt: new Date(), daysOfWeek: [2], priority: 99 }),
  ];
  const zone = "America/New_York";
  // 2026-12-08 is a Tuesday.
  const slot = (iso: string, format = "standard") => ({ startsAt: new Date(iso), timeZone: zone, format });

  it("specific beats default; ties go to the more specific, then the name; retired never", () => {
    expect(selectCard(cards, slot("2026-12-07T23:00:00Z"))?.id).toBe("default"); // Monday 18:00
    expect(selectCard(cards, slot("2026-12-07T19:00:00Z"))?.id).toBe("matinee"); // Monday 14:00
    expect(selectCard(cards, slot("2026-12-08T23:00:00Z"))?.id).toBe("tuesday"); // Tuesday 18:00
    // Tuesday 14:00: matinee and tuesday both match with one rule each → by name
    expect(selectCard(cards, slot("2026-12-08T19:00:00Z"))?.id).toBe("matinee");
    expect(selectCard(cards, slot("2026-12-08T19:00:00Z", "imax"))?.id).toBe("imax"); // priority
    expect(selectCard([], slot("2026-12-08T19:00:00Z"))).toBeNull();
  });

  it("day part is [from, until) in the theater's zone; dates inclusive", () => {
    const c = card("x", { dayPartFromMinute: 12 * 60, dayPartUntilMinute: 17 * 60, validFrom: "2026-12-08", validUntil: "2026-12-08" });
    expect(cardMatches(c, slot("2026-12-08T17:00:00Z"))).toBe(true); // 12:00 local
    expect(cardMatches(c, slot("2026-12-08T22:00:00Z"))).toBe(false); // 17:00 local
    expect(cardMatches(c, slot("2026-12-09T17:00:00Z"))).toBe(false); // next day
  });

  it("snapshots: from prices, the legacy show prices as the first type, missing tiers", () => {
    expect(fromPrices(snapshot)).toEqual({ standard: 900, premium: 1650 });
    expect(effectiveSnapshot({ priceSnapshot: null, prices: { standard: 1250 } }, types).prices).toEqual({ standard: { adult: 1250 } });
    expect(missingTiers({ prices: snapshot.prices }, ["standard", "premium", "balcony"])).toEqual(["balcony"]);
  });
});

describe("promo codes", () => {
  const ctx = { showId: "show-1", movieId: "m1", startsAt: new Date("2026-12-08T23:00:00Z"), timeZone: "America/New_York", now: new Date("2026-12-01T00:00:00Z") };
  it("accepts case and spaces", () => expect(normaliseCode("  marquee 10 ")).toBe("MARQUEE10"));
  it("says why a code cannot be used", () => {
    expect(promoRefusal(promo(), ctx)).toBeNull();
    expect(promoRefusal(promo({ validUntil: new Date("2026-11-30T00:00:00Z") }), ctx)).toMatch(/expired/);
    expect(promoRefusal(promo({ validFrom: new Date("2026-12-02T00:00:00Z") }), ctx)).toMatch(/not valid yet/);
    expect(promoRefusal(promo({ maxRedemptions: 10, redemptions: 10 }), ctx)).toMatch(/used up/);
    expect(promoRefusal(promo({ showIds: ["show-2"] }), ctx)).toMatch(/this show/);
    expect(promoRefusal(promo({ movieIds: ["m2"] }), ctx)).toMatch(/this movie/);
    expect(promoRefusal(promo({ daysOfWeek: [5] }), ctx)).toMatch(/this day/);
    expect(promoRefusal(promo({ daysOfWeek: [2] }), ctx)).toBeNull();
    expect(promoRefusal(promo({ retiredAt: new Date() }), ctx)).toMatch(/no longer valid/);
  });
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("receipt", () => {
  it("property: the receipt's rows add up to the total", async () => {
    const { receiptOf } = await import("@/lib/pricing/receipt");
    const rnd = mulberry32(7);
    for (let run = 0; run < 1000; run++) {
      const theater: TheaterPricing = { ...noFees, bookingFeePerTicket: Math.floor(rnd() * 300), bookingFeePerOrder: Math.floor(rnd() * 300), taxRateBp: Math.floor(rnd() * 2500), pricesIncludeTax: rnd() < 0.5 };
      const seats = Array.from({ length: 1 + Math.floor(rnd() * 8) }, (_, i) => seat(i, ["adult", "child", "senior"][Math.floor(rnd() * 3)]));
      const b = priced(input({ theater, seats, promo: rnd() < 0.5 ? promo({ amount: 1 + Math.floor(rnd() * 100) }) : null }));
      const r = receiptOf({ ...b, promoCode: b.promo?.code ?? null });
      expect(r.tickets.reduce((s, t) => s + t.amount, 0) + r.fees + r.addedTax - r.discount).toBe(r.total);
    }
  });
});

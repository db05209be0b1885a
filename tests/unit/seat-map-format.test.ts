import { describe, expect, it } from "vitest";
import {
  describeSeats,
  formatCountdown,
  formatPrice,
  joinWords,
  priceTextOf,
  seatAriaLabel,
  seatDescription,
  seatLabel,
  shortSeatLabel,
  stateWord,
} from "@/lib/seat-map/format";
import type { MapSeat } from "@/lib/seat-map/types";

const f7: MapSeat = { id: "f7", row: "F", number: 7, x: 6, y: 5, kind: "premium", tier: "premium" };

describe("seat labels", () => {
  it("names a seat the way customers read it", () => {
    expect(seatLabel(f7)).toBe("Row F, seat 7");
    expect(shortSeatLabel(f7)).toBe("F7");
  });

  it("joins words with commas and a final and", () => {
    expect(joinWords([])).toBe("");
    expect(joinWords(["F7"])).toBe("F7");
    expect(joinWords(["F7", "F8"])).toBe("F7 and F8");
    expect(joinWords(["F7", "F8", "G2"])).toBe("F7, F8 and G2");
  });

  it("folds consecutive seats into ranges", () => {
    const s = (row: string, number: number) => ({ row, number });
    expect(describeSeats([s("F", 9), s("F", 7), s("F", 8), s("G", 2)])).toBe("F7–F9 and G2");
    expect(describeSeats([s("F", 7), s("F", 8)])).toBe("F7 and F8");
    expect(describeSeats([s("A", 1), s("A", 3), s("A", 4), s("A", 5), s("A", 10)])).toBe("A1, A3–A5 and A10");
  });

  it("describes kinds and tiers without repeating words", () => {
    expect(seatDescription(f7)).toBe("premium");
    expect(seatDescription({ kind: "standard", tier: "standard" })).toBe("standard");
    expect(seatDescription({ kind: "wheelchair", tier: "standard" })).toBe("wheelchair space, standard");
    expect(seatDescription({ kind: "companion", tier: "standard" })).toBe("companion seat, standard");
  });

  it("builds the accessible name of a seat", () => {
    expect(seatAriaLabel(f7, "$14.00", undefined)).toBe("Row F, seat 7, premium, $14.00, available");
    expect(seatAriaLabel(f7, "$14.00", "mine")).toBe("Row F, seat 7, premium, $14.00, selected by you");
    expect(stateWord("held")).toBe("held by another customer");
    expect(stateWord("sold")).toBe("sold");
  });

  it("names a tier's price, and says when the show does not sell a tier", () => {
    const prices = new Map([["premium", "$18.50"]]);
    expect(priceTextOf(prices, "premium")).toBe("$18.50");
    expect(priceTextOf(prices, "balcony")).toBe("not on sale");
    expect(seatAriaLabel({ ...f7, tier: "balcony" }, priceTextOf(prices, "balcony"), "sold")).toBe("Row F, seat 7, premium, balcony, not on sale, sold");
  });
});

describe("formatPrice", () => {
  it("formats minor units with the currency's own decimals", () => {
    expect(formatPrice(1400, "usd")).toBe("$14.00");
    expect(formatPrice(1850, "USD")).toBe("$18.50");
    expect(formatPrice(1500, "eur")).toBe("€15.00");
    expect(formatPrice(1500, "jpy")).toBe("¥1,500");
    expect(formatPrice(0, "usd")).toBe("$0.00");
  });
});

describe("formatCountdown", () => {
  it("shows mm:ss, rounding partial seconds up and never going negative", () => {
    expect(formatCountdown(600_000)).toBe("10:00");
    expect(formatCountdown(65_001)).toBe("01:06");
    expect(formatCountdown(59_000)).toBe("00:59");
    expect(formatCountdown(-5)).toBe("00:00");
  });
});

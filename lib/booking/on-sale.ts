import { AppError } from "@/lib/errors";

// "A tier with no price is not on sale", judged here only: such a seat cannot be held, the JSON
// API shows it as not on sale, and checkout refuses it with the same message.

type Prices = Record<string, number>;

/** The seat's price for this show, or null when its tier is not on sale. */
export function priceOfTier(prices: Prices, tier: string): number | null {
  const price = prices[tier];
  return price === undefined ? null : price;
}

/** Refuses seats whose tier has no price for the show. */
export function assertOnSale(prices: Prices, seatRows: readonly { tier: string }[]): void {
  const unpriced = seatRows.find((s) => priceOfTier(prices, s.tier) === null);
  if (unpriced) throw new AppError("conflict", `Seats in the ${unpriced.tier} tier are not on sale for this show.`, { tier: unpriced.tier });
}

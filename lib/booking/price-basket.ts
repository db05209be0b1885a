import { assertOnSale, priceOfTier } from "./on-sale";

// THE pricing of a basket of seats, for every channel (online checkout, the box office): one
// place where the price engine plugs in, so a counter sale can never be priced differently.

type PricedShow = { prices: Record<string, number> };
type BasketSeat = { id: string; rowLabel: string; number: number; tier: string };

export type BasketLine<S extends BasketSeat = BasketSeat> = { seat: S; amount: number };

/** One line per seat (the all-in amount charged for it) and the order total. Refuses unpriced tiers. */
export function priceBasket<S extends BasketSeat>(show: PricedShow, seats: readonly S[]): { lines: BasketLine<S>[]; total: number } {
  assertOnSale(show.prices, seats);
  const lines = seats.map((seat) => ({ seat, amount: priceOfTier(show.prices, seat.tier)! }));
  return { lines, total: lines.reduce((sum, l) => sum + l.amount, 0) };
}

import { assertOnSale, priceOfTier } from "./on-sale";

// Prices a basket of seats for a show: the one function start-checkout, swaps (and the box
// office) call, so the price engine of issue 18 replaces this body and every caller follows.

export type BasketSeat = { id: string; rowLabel: string; number: number; tier: string };
export type BasketLine<S extends BasketSeat = BasketSeat> = { seat: S; amount: number };

/** One line per seat with its all-in amount; refuses a seat whose tier is not on sale. */
export function priceBasket<S extends BasketSeat>(show: { prices: Record<string, number> }, seats: readonly S[]): BasketLine<S>[] {
  assertOnSale(show.prices, seats);
  return seats.map((seat) => ({ seat, amount: priceOfTier(show.prices, seat.tier)! }));
}

import type { BasketSeat, PricedBasket, PricedLine, PriceSnapshot, PromoCodeView, TheaterPricing, TicketTypeView } from "./types";

// The one price engine (pure: no I/O, runs on the server for every charge and in the browser for
// the live summary). Rounding, written down in docs/decisions.md:
// - tax per line (each seat line, and the order fee) rounded half-up to the minor unit;
// - a per-order discount is split over the eligible lines in proportion to their price, by
//   largest remainder, so the parts add up to the discount exactly;
// - a discount takes off the ticket price only (never a fee), and never below zero;
// - total = sum of the lines' amounts + the order fee: the lines always add up to the charge.

export type PricingInput = {
  snapshot: PriceSnapshot;
  /** Every type the basket names (any theater, retired included: they are refused with a reason). */
  types: readonly TicketTypeView[];
  theaterId: string;
  theater: TheaterPricing;
  /** The movie's rating, for the theater's adults-only rule. */
  rating: string;
  seats: readonly BasketSeat[];
  promo?: PromoCodeView | null;
};

export type PricingRefusal = { ok: false; reason: PricingRefusalReason; message: string };
export type PricingRefusalReason = "unknown_type" | "other_theater" | "retired_type" | "not_offered" | "child_rating" | "tier_not_on_sale" | "promo_no_eligible" | "empty";
export type PricingResult = { ok: true; basket: PricedBasket } | PricingRefusal;

const refuse = (reason: PricingRefusalReason, message: string): PricingRefusal => ({ ok: false, reason, message });

/** Tax of an amount: added on top (exclusive) or the part of it that is tax (inclusive); half-up. */
export function taxOf(base: number, rateBp: number, included: boolean): number {
  if (rateBp <= 0 || base <= 0) return 0;
  return included ? base - Math.round((base * 10_000) / (10_000 + rateBp)) : Math.round((base * rateBp) / 10_000);
}

/** The per-ticket fee of a type: its own, or the theater's. */
export function feeOfType(type: Pick<TicketTypeView, "feeAmount">, theater: Pick<TheaterPricing, "bookingFeePerTicket">): number {
  return type.feeAmount ?? theater.bookingFeePerTicket;
}

/** Splits `total` over `weights` in proportion, by largest remainder (ties: earlier first); parts sum to total. */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  return parts;
}

/** Checks each seat's type against the show and prices the basket; a refusal says why, for the customer. */
export function computeBasket(input: PricingInput): PricingResult {
  const { snapshot, theater, seats, promo } = input;
  if (!seats.length) return refuse("empty", "Choose at least one seat.");
  const typesById = new Map(input.types.map((t) => [t.id, t]));

  const base: { seat: BasketSeat; type: TicketTypeView; price: number; fee: number }[] = [];
  for (const seat of seats) {
    const type = typesById.get(seat.ticketTypeId);
    if (!type) return refuse("unknown_type", "That ticket type does not exist. Please choose the ticket types again.");
    if (type.theaterId !== input.theaterId) return refuse("other_theater", "That ticket type is not sold at this cinema. Please choose the ticket types again.");
    if (type.retiredAt) return refuse("retired_type", `${type.name} tickets are no longer sold. Please choose another ticket type.`);
    const tierPrices = snapshot.prices[seat.tier];
    if (!tierPrices || !Object.keys(tierPrices).length) return refuse("tier_not_on_sale", `This show's prices have no price for ${seat.tier} seats, so they are not on sale.`);
    const price = tierPrices[type.id];
    if (price === undefined) return refuse("not_offered", `${type.name} tickets are not offered for ${seat.tier} seats at this show.`);
    if (type.child && theater.adultsOnlyRatings.includes(input.rating)) return refuse("child_rating", `${type.name} tickets are not sold for this ${input.rating}-rated movie.`);
    base.push({ seat, type, price, fee: feeOfType(type, theater) });
  }

  const discounts = promo ? discountsOf(promo, base) : base.map(() => 0);
  if (promo && discounts.every((d) => d === 0) && base.some((b) => b.price > 0)) {
    return refuse("promo_no_eligible", `The code ${promo.code} does not apply to the tickets chosen.`);
  }

  const lines: PricedLine[] = base.map((b, i) => {
    const discount = discounts[i];
    const taxable = b.price - discount + b.fee;
    const tax = taxOf(taxable, theater.taxRateBp, theater.pricesIncludeTax);
    return {
      seatId: b.seat.seatId,
      tier: b.seat.tier,
      ticketTypeId: b.type.id,
      ticketTypeName: b.type.name,
      price: b.price,
      fee: b.fee,
      tax,
      discount,
      amount: taxable + (theater.pricesIncludeTax ? 0 : tax),
    };
  });
  const orderFeeTax = taxOf(theater.bookingFeePerOrder, theater.taxRateBp, theater.pricesIncludeTax);
  const orderFee = theater.bookingFeePerOrder + (theater.pricesIncludeTax ? 0 : orderFeeTax);
  const sum = (f: (l: PricedLine) => number) => lines.reduce((s, l) => s + f(l), 0);
  return {
    ok: true,
    basket: {
      lines,
      orderFee,
      orderFeeTax,
      taxAmount: sum((l) => l.tax) + orderFeeTax,
      taxIncluded: theater.pricesIncludeTax,
      discountAmount: sum((l) => l.discount),
      total: sum((l) => l.amount) + orderFee,
      promo: promo ? { id: promo.id, code: promo.code } : null,
    },
  };
}

/** The discount of each line: only lines of the code's ticket types; never more than the line's price. */
function discountsOf(promo: PromoCodeView, base: readonly { type: TicketTypeView; price: number }[]): number[] {
  const eligible = base.map((b) => !promo.ticketTypeIds?.length || promo.ticketTypeIds.includes(b.type.id));
  const prices = base.map((b, i) => (eligible[i] ? b.price : 0));
  if (promo.appliesTo === "ticket") {
    return prices.map((p) => Math.min(p, promo.kind === "percent" ? Math.round((p * promo.amount) / 100) : promo.amount));
  }
  const eligibleTotal = prices.reduce((a, b) => a + b, 0);
  const whole = Math.min(eligibleTotal, promo.kind === "percent" ? Math.round((eligibleTotal * promo.amount) / 100) : promo.amount);
  return allocate(whole, prices);
}

/** A type's price as listed to the customer: with its fee when the theater lists all-in prices. */
export function listedPrice(price: number, fee: number, theater: Pick<TheaterPricing, "pricesIncludeFees">): number {
  return theater.pricesIncludeFees ? price + fee : price;
}

import "server-only";
import type { Db, Tx } from "@/db/client";
import { customerRedemptions, promoByCode, showPricingFacts, theaterPricing, ticketTypesByIds, ticketTypesOfTheater } from "@/db/queries/pricing";
import { AppError } from "@/lib/errors";
import { computeBasket } from "@/lib/pricing/engine";
import { normaliseCode, promoRefusal } from "@/lib/pricing/promo";
import { effectiveSnapshot } from "@/lib/pricing/snapshot";
import type { PricedBasket, PriceSnapshot, PromoCodeView, TicketTypeView } from "@/lib/pricing/types";

// THE way to price seats of a show (checkout, and the box office or a swap later): it reads the
// show's price snapshot, the theater's types, fees and tax and the promo code from the database,
// and hands them to the one pure engine (lib/pricing/engine.ts). Prices from a client are never
// used: a client only says which type each seat is and which code it typed.

export type BasketChoices = {
  /** seat id → ticket type id; a seat not named gets the show's first type offered for its tier. */
  types?: Record<string, string>;
  /** As typed: case and spaces do not matter. Empty = none. */
  promoCode?: string | null;
  /** Who buys: for the code's per-customer limit. */
  customer?: { email: string; userId: string | null } | null;
  now?: Date;
};

export type BasketPrice = PricedBasket & { promoView: PromoCodeView | null; snapshot: PriceSnapshot; theaterId: string };

/** The type a seat gets when the customer chose none: the first (Adult in the seed) offered for its tier. */
export function defaultTypeFor(snapshot: PriceSnapshot, tier: string, types: readonly TicketTypeView[]): string | null {
  const offered = snapshot.prices[tier] ?? {};
  return types.find((t) => !t.retiredAt && offered[t.id] !== undefined)?.id ?? null;
}

/** Prices the seats for this show as the customer chose; refuses (bad_input, with why) what the show does not sell. */
export async function priceBasket(db: Db | Tx, show: { id: string }, seats: readonly { id: string; tier: string }[], choices: BasketChoices = {}): Promise<BasketPrice> {
  const facts = await showPricingFacts(db, show.id);
  if (!facts) throw new AppError("not_found", "That show does not exist.");
  const [theater, theaterTypes] = await Promise.all([theaterPricing(db, facts.theaterId), ticketTypesOfTheater(db, facts.theaterId, { includeRetired: true })]);
  if (!theater) throw new AppError("not_found", "That show does not exist.");
  const snapshot = effectiveSnapshot(facts, theaterTypes);

  const chosen = choices.types ?? {};
  const known = new Set(theaterTypes.map((t) => t.id));
  const foreign = await ticketTypesByIds(db, [...new Set(Object.values(chosen))].filter((id) => !known.has(id)));
  const basketSeats = seats.map((s) => {
    const ticketTypeId = chosen[s.id] ?? defaultTypeFor(snapshot, s.tier, theaterTypes);
    if (!ticketTypeId) throw new AppError("conflict", `Seats in the ${s.tier} tier are not on sale for this show.`, { tier: s.tier });
    return { seatId: s.id, tier: s.tier, ticketTypeId };
  });

  const promoView = await promoFor(db, facts, choices);
  const result = computeBasket({ snapshot, types: [...theaterTypes, ...foreign], theaterId: facts.theaterId, theater, rating: facts.rating, seats: basketSeats, promo: promoView });
  if (!result.ok) throw new AppError("bad_input", result.message, { reason: result.reason });
  return { ...result.basket, promoView, snapshot, theaterId: facts.theaterId };
}

type Facts = NonNullable<Awaited<ReturnType<typeof showPricingFacts>>>;

/** The code the customer typed, if it can be used on this show by this customer now; refused with why otherwise. */
async function promoFor(db: Db | Tx, facts: Facts, choices: BasketChoices): Promise<PromoCodeView | null> {
  const code = normaliseCode(choices.promoCode ?? "");
  if (!code) return null;
  const promo = await promoByCode(db, facts.theaterId, code);
  if (!promo) throw new AppError("bad_input", `We don't know the code ${code}. Please check it.`, { reason: "promo_unknown" });
  const why = promoRefusal(promo, { showId: facts.showId, movieId: facts.movieId, startsAt: facts.startsAt, timeZone: facts.timeZone, now: choices.now ?? new Date() });
  if (why) throw new AppError("bad_input", why, { reason: "promo_refused" });
  if (promo.perCustomerLimit !== null && choices.customer && (await customerRedemptions(db, promo.id, choices.customer)) >= promo.perCustomerLimit) {
    throw new AppError("bad_input", `You have already used the code ${code} as many times as it allows.`, { reason: "promo_customer_limit" });
  }
  return promo;
}

/** The order's money columns from a priced basket: the one mapping every channel writes. */
export function orderMoneyColumns(priced: PricedBasket) {
  return {
    totalAmount: priced.total,
    orderFee: priced.orderFee,
    orderFeeTax: priced.orderFeeTax,
    taxAmount: priced.taxAmount,
    taxIncluded: priced.taxIncluded,
    discountAmount: priced.discountAmount,
    promoCodeId: priced.promo?.id ?? null,
    promoCode: priced.promo?.code ?? null,
  };
}

/** One `order_seats` row per priced line (the snapshot everything downstream reads). */
export function orderSeatRows(orderId: string, priced: PricedBasket, seats: readonly { id: string; rowLabel: string; number: number }[]) {
  const seatById = new Map(seats.map((s) => [s.id, s]));
  return priced.lines.map((l) => {
    const seat = seatById.get(l.seatId)!;
    return {
      orderId,
      seatId: l.seatId,
      rowLabel: seat.rowLabel,
      seatNumber: seat.number,
      tier: l.tier,
      amount: l.amount,
      ticketTypeId: l.ticketTypeId,
      ticketTypeName: l.ticketTypeName,
      price: l.price,
      fee: l.fee,
      tax: l.tax,
      discount: l.discount,
    };
  });
}

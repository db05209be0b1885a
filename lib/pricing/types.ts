// The shapes the pure price engine (lib/pricing) works on and returns. No I/O here: db/queries/
// pricing.ts reads rows into these, lib/booking/price-basket.ts feeds them to the engine.

/** Day numbers as Date#getDay: 0 = Sunday … 6 = Saturday. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type TicketTypeView = {
  id: string;
  theaterId: string;
  name: string;
  note: string;
  minAge: number | null;
  /** A child's ticket: refused when the movie's rating is in the theater's adults-only list. */
  child: boolean;
  /** Per-ticket booking fee of this type; null = the theater's. */
  feeAmount: number | null;
  sortOrder: number;
  retiredAt: Date | null;
};

/** The theater's fee and tax settings, as the engine needs them. */
export type TheaterPricing = {
  bookingFeePerTicket: number;
  bookingFeePerOrder: number;
  /** Display only: listed prices include the per-ticket fee (all-in, UK/EU). */
  pricesIncludeFees: boolean;
  /** Basis points: 2000 = 20 %. */
  taxRateBp: number;
  /** true: VAT-style, tax is inside price + fee; false: US-style, tax is added on top. */
  pricesIncludeTax: boolean;
  adultsOnlyRatings: string[];
};

/** A price card's rules; null = no restriction on that dimension. */
export type PriceCardRules = {
  daysOfWeek: number[] | null;
  /** Minutes after local midnight, [from, until). */
  dayPartFromMinute: number | null;
  dayPartUntilMinute: number | null;
  formats: string[] | null;
  /** "YYYY-MM-DD" local dates, inclusive. */
  validFrom: string | null;
  validUntil: string | null;
};

export type PriceCardView = PriceCardRules & {
  id: string;
  theaterId: string;
  name: string;
  priority: number;
  isDefault: boolean;
  retiredAt: Date | null;
  /** tier → ticket type id → amount. */
  prices: Record<string, Record<string, number>>;
};

/**
 * The copy of a card's prices a show sells at (shows.price_snapshot), taken when the show is put
 * on sale with the card, so editing the card later does not change a purchase under way.
 */
export type PriceSnapshot = {
  cardId: string | null;
  cardName: string;
  takenAt: string;
  /** tier → ticket type id → amount (minor units). A type missing in a tier is not offered there. */
  prices: Record<string, Record<string, number>>;
};

/** What a show's card is picked by: its start in the theater's zone and its screen's format. */
export type ShowSlot = { startsAt: Date; timeZone: string; format: string };

export type PromoCodeView = {
  id: string;
  theaterId: string;
  code: string;
  kind: "percent" | "fixed";
  /** percent: 1..100; fixed: minor units. */
  amount: number;
  appliesTo: "order" | "ticket";
  validFrom: Date | null;
  validUntil: Date | null;
  movieIds: string[] | null;
  showIds: string[] | null;
  daysOfWeek: number[] | null;
  ticketTypeIds: string[] | null;
  maxRedemptions: number | null;
  perCustomerLimit: number | null;
  redemptions: number;
  retiredAt: Date | null;
};

/** One seat and the type the customer chose for it. */
export type BasketSeat = { seatId: string; tier: string; ticketTypeId: string };

/** One priced seat. amount = price + fee + (taxIncluded ? 0 : tax) − discount, never below 0. */
export type PricedLine = {
  seatId: string;
  tier: string;
  ticketTypeId: string;
  ticketTypeName: string;
  price: number;
  fee: number;
  tax: number;
  discount: number;
  amount: number;
};

export type PricedBasket = {
  lines: PricedLine[];
  /** The per-order booking fee, its tax included (what is charged for it). */
  orderFee: number;
  orderFeeTax: number;
  /** Every line's tax plus the order fee's. */
  taxAmount: number;
  taxIncluded: boolean;
  discountAmount: number;
  /** sum(lines.amount) + orderFee: what is charged. */
  total: number;
  promo: { id: string; code: string } | null;
};

/** What the showtime page hands the type picker: everything the browser needs to price locally. */
export type ShowPricing = {
  showId: string;
  currency: string;
  theaterId: string;
  theater: TheaterPricing;
  rating: string;
  /** Live types of the theater, display order. */
  types: TicketTypeView[];
  /** tier → type id → price (the show's snapshot). */
  prices: PriceSnapshot["prices"];
};

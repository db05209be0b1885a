import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { movies, orders, priceCardPrices, priceCards, promoCodes, promoRedemptions, screens, shows, theaters, ticketTypes } from "../schema";
import { DEFAULT_TICKET_TYPES } from "@/lib/pricing/default-types";
import type { PriceCardView, PriceSnapshot, PromoCodeView, TheaterPricing, TicketTypeView } from "@/lib/pricing/types";

// Reads and writes of what a cinema sells (issue 18): ticket types, price cards, the theater's
// fee and tax settings, a show's card and price snapshot, promo codes and their redemptions.

type DbOrTx = Db | Tx;

// ---- ticket types ----

/** The theater's ticket types in display order; retired ones only when asked. */
export async function ticketTypesOfTheater(db: DbOrTx, theaterId: string, opts: { includeRetired?: boolean } = {}): Promise<TicketTypeView[]> {
  return db
    .select()
    .from(ticketTypes)
    .where(and(eq(ticketTypes.theaterId, theaterId), opts.includeRetired ? undefined : isNull(ticketTypes.retiredAt)))
    .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.name));
}

/** Ticket types by id, of any theater, retired included: checkout judges them. */
export async function ticketTypesByIds(db: DbOrTx, ids: string[]): Promise<TicketTypeView[]> {
  if (!ids.length) return [];
  return db.select().from(ticketTypes).where(inArray(ticketTypes.id, ids));
}

/** Adult, Child, Senior, Student for a new theater. */
export async function insertDefaultTicketTypes(db: DbOrTx, theaterId: string): Promise<TicketTypeView[]> {
  return db
    .insert(ticketTypes)
    .values(DEFAULT_TICKET_TYPES.map((t) => ({ ...t, theaterId })))
    .returning();
}

// ---- theater settings ----

export async function theaterPricing(db: DbOrTx, theaterId: string): Promise<TheaterPricing | null> {
  const [row] = await db
    .select({
      bookingFeePerTicket: theaters.bookingFeePerTicket,
      bookingFeePerOrder: theaters.bookingFeePerOrder,
      pricesIncludeFees: theaters.pricesIncludeFees,
      taxRateBp: theaters.taxRateBp,
      pricesIncludeTax: theaters.pricesIncludeTax,
      adultsOnlyRatings: theaters.adultsOnlyRatings,
    })
    .from(theaters)
    .where(eq(theaters.id, theaterId));
  return row ?? null;
}

export async function updateTheaterPricing(db: DbOrTx, theaterId: string, settings: TheaterPricing): Promise<void> {
  await db.update(theaters).set(settings).where(eq(theaters.id, theaterId));
}

// ---- price cards ----

function pricesOf(rows: { tier: string; ticketTypeId: string; amount: number }[]): PriceCardView["prices"] {
  const prices: PriceCardView["prices"] = {};
  for (const r of rows) (prices[r.tier] ??= {})[r.ticketTypeId] = r.amount;
  return prices;
}

/** The theater's cards with their prices; retired ones only when asked. */
export async function priceCardsOfTheater(db: DbOrTx, theaterId: string, opts: { includeRetired?: boolean } = {}): Promise<PriceCardView[]> {
  const cards = await db
    .select()
    .from(priceCards)
    .where(and(eq(priceCards.theaterId, theaterId), opts.includeRetired ? undefined : isNull(priceCards.retiredAt)))
    .orderBy(asc(priceCards.name));
  if (!cards.length) return [];
  const rows = await db.select().from(priceCardPrices).where(inArray(priceCardPrices.cardId, cards.map((c) => c.id)));
  return cards.map((c) => ({ ...c, prices: pricesOf(rows.filter((r) => r.cardId === c.id)) }));
}

export async function priceCardById(db: DbOrTx, cardId: string): Promise<PriceCardView | null> {
  const [card] = await db.select().from(priceCards).where(eq(priceCards.id, cardId));
  if (!card) return null;
  const rows = await db.select().from(priceCardPrices).where(eq(priceCardPrices.cardId, cardId));
  return { ...card, prices: pricesOf(rows) };
}

export type NewPriceCard = Omit<PriceCardView, "id" | "retiredAt"> & { id?: string };

/** Inserts a card and its prices (one transaction when given one). */
export async function insertPriceCard(db: DbOrTx, card: NewPriceCard): Promise<string> {
  const { prices, ...row } = card;
  const [inserted] = await db.insert(priceCards).values(row).returning({ id: priceCards.id });
  await replaceCardPrices(db, inserted.id, prices);
  return inserted.id;
}

/** Replaces every price of a card. */
export async function replaceCardPrices(db: DbOrTx, cardId: string, prices: PriceCardView["prices"]): Promise<void> {
  await db.delete(priceCardPrices).where(eq(priceCardPrices.cardId, cardId));
  const rows = Object.entries(prices).flatMap(([tier, byType]) => Object.entries(byType).map(([ticketTypeId, amount]) => ({ cardId, tier, ticketTypeId, amount })));
  if (rows.length) await db.insert(priceCardPrices).values(rows);
}

// ---- a show's card and snapshot ----

/** The show's pricing facts: its snapshot, card, theater, screen format and start. */
export async function showPricingFacts(db: DbOrTx, showId: string) {
  const [row] = await db
    .select({
      showId: shows.id,
      movieId: shows.movieId,
      rating: movies.rating,
      startsAt: shows.startsAt,
      prices: shows.prices,
      currency: shows.currency,
      priceCardId: shows.priceCardId,
      priceCardOverridden: shows.priceCardOverridden,
      priceSnapshot: shows.priceSnapshot,
      theaterId: screens.theaterId,
      format: screens.format,
      timeZone: theaters.timeZone,
    })
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .innerJoin(theaters, eq(theaters.id, screens.theaterId))
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .where(eq(shows.id, showId));
  return row ?? null;
}

/**
 * Puts a show on sale with a card: its id, whether an admin chose it (the rules no longer move
 * it), the snapshot of its prices, and shows.prices = the lowest price per tier (the "from" price).
 */
export async function setShowPriceCard(db: DbOrTx, showId: string, card: { cardId: string | null; overridden: boolean; snapshot: PriceSnapshot; fromPrices: Record<string, number> }): Promise<void> {
  await db
    .update(shows)
    .set({ priceCardId: card.cardId, priceCardOverridden: card.overridden, priceSnapshot: card.snapshot, prices: card.fromPrices })
    .where(eq(shows.id, showId));
}

/** Shows of a card with no order at all (any status): their snapshot may follow the card's edits. */
export async function unsoldShowIdsOfCard(db: DbOrTx, cardId: string): Promise<string[]> {
  const rows = await db
    .select({ id: shows.id })
    .from(shows)
    .where(and(eq(shows.priceCardId, cardId), ne(shows.status, "cancelled"), sql`not exists (select 1 from ${orders} where ${orders.showId} = ${shows.id})`));
  return rows.map((r) => r.id);
}

// ---- promo codes ----

/** The theater's code as typed (already normalised), retired included: the caller says why not. */
export async function promoByCode(db: DbOrTx, theaterId: string, code: string): Promise<PromoCodeView | null> {
  const [row] = await db.select().from(promoCodes).where(and(eq(promoCodes.theaterId, theaterId), eq(promoCodes.code, code)));
  return row ?? null;
}

export async function promoCodesOfTheater(db: DbOrTx, theaterId: string): Promise<PromoCodeView[]> {
  return db.select().from(promoCodes).where(eq(promoCodes.theaterId, theaterId)).orderBy(asc(promoCodes.code));
}

export type NewPromoCode = Omit<PromoCodeView, "id" | "redemptions" | "retiredAt">;

export async function insertPromoCode(db: DbOrTx, code: NewPromoCode): Promise<string> {
  const [row] = await db.insert(promoCodes).values(code).returning({ id: promoCodes.id });
  return row.id;
}

/** Held or used redemptions of the code by this customer (email; the user id when signed in). */
export async function customerRedemptions(db: DbOrTx, promoCodeId: string, customer: { email: string; userId: string | null }): Promise<number> {
  const who = customer.userId
    ? sql`(lower(${promoRedemptions.email}) = lower(${customer.email}) or ${promoRedemptions.userId} = ${customer.userId})`
    : sql`lower(${promoRedemptions.email}) = lower(${customer.email})`;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(promoRedemptions)
    .where(and(eq(promoRedemptions.promoCodeId, promoCodeId), ne(promoRedemptions.status, "released"), who));
  return row.n;
}

/**
 * Counts one use of the code for this order, atomically: the counter goes up only while under
 * the limit (a conditional UPDATE: of 100 checkouts at once on a 10-use code, 10 rows change).
 * false = used up. Run it in the transaction that inserts the order.
 */
export async function holdPromoRedemption(tx: Tx, promoCodeId: string, order: { orderId: string; email: string; userId: string | null }): Promise<boolean> {
  const changed = await tx
    .update(promoCodes)
    .set({ redemptions: sql`${promoCodes.redemptions} + 1` })
    .where(and(eq(promoCodes.id, promoCodeId), sql`(${promoCodes.maxRedemptions} is null or ${promoCodes.redemptions} < ${promoCodes.maxRedemptions})`))
    .returning({ id: promoCodes.id });
  if (!changed.length) return false;
  await tx.insert(promoRedemptions).values({ promoCodeId, orderId: order.orderId, email: order.email, userId: order.userId });
  return true;
}

/** Serialises one customer's redemptions of a code (per-customer limit) within the transaction. */
export async function lockCustomerRedemptions(tx: Tx, promoCodeId: string, email: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`promo:${promoCodeId}:${email.toLowerCase()}`}))`);
}

/**
 * The order's redemption is final (paid). A payment that arrives after its checkout was closed
 * (and the use given back) is honoured with its discount: the use is taken again, counted when
 * the limit still allows (a late payment may exceed the limit by its own use: documented).
 */
export async function usePromoRedemption(tx: DbOrTx, orderId: string): Promise<void> {
  const [row] = await tx.select().from(promoRedemptions).where(eq(promoRedemptions.orderId, orderId));
  if (!row || row.status === "used") return;
  await tx.update(promoRedemptions).set({ status: "used" }).where(eq(promoRedemptions.orderId, orderId));
  if (row.status === "released") {
    await tx
      .update(promoCodes)
      .set({ redemptions: sql`${promoCodes.redemptions} + 1` })
      .where(and(eq(promoCodes.id, row.promoCodeId), sql`(${promoCodes.maxRedemptions} is null or ${promoCodes.redemptions} < ${promoCodes.maxRedemptions})`));
  }
}

/** Gives the order's use of its code back (checkout ended unpaid, or refunded); once. */
export async function releasePromoRedemption(tx: DbOrTx, orderId: string): Promise<boolean> {
  const [released] = await tx
    .update(promoRedemptions)
    .set({ status: "released" })
    .where(and(eq(promoRedemptions.orderId, orderId), ne(promoRedemptions.status, "released")))
    .returning({ promoCodeId: promoRedemptions.promoCodeId });
  if (!released) return false;
  await tx.update(promoCodes).set({ redemptions: sql`greatest(${promoCodes.redemptions} - 1, 0)` }).where(eq(promoCodes.id, released.promoCodeId));
  return true;
}

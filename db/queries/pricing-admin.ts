import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { movies, priceCardPrices, priceCards, promoCodes, promoRedemptions, screens, shows, theaters, ticketTypes } from "../schema";

// The admin side of pricing (issue 18): the writes behind the ticket type, price card, fee/tax
// and promo code pages, and the reads only those pages need. The engine's reads live in
// db/queries/pricing.ts. Every query takes the theater (or the row it scopes by) first.

export type TicketTypeRow = typeof ticketTypes.$inferSelect;
export type PriceCardRow = typeof priceCards.$inferSelect;
export type PromoCodeRow = typeof promoCodes.$inferSelect;

/** Every ticket type of a theater, retired ones included, in the order customers see them. */
export function ticketTypesOfTheater(db: Db | Tx, theaterId: string) {
  return db.select().from(ticketTypes).where(eq(ticketTypes.theaterId, theaterId)).orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.createdAt));
}

export async function ticketTypeById(db: Db | Tx, ticketTypeId: string) {
  const [row] = await db.select().from(ticketTypes).where(eq(ticketTypes.id, ticketTypeId));
  return row ?? null;
}

/** A live type of the theater with this name (any case), other than `exceptId`. */
export async function liveTicketTypeNamed(db: Db | Tx, theaterId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: ticketTypes.id })
    .from(ticketTypes)
    .where(and(eq(ticketTypes.theaterId, theaterId), isNull(ticketTypes.retiredAt), sql`lower(${ticketTypes.name}) = lower(${name})`, exceptId ? sql`${ticketTypes.id} <> ${exceptId}` : undefined));
  return row ?? null;
}

/** Takes the theater row's lock: admins editing one theater's pricing take turns. */
export async function lockTheater(tx: Tx, theaterId: string) {
  const [row] = await tx.select().from(theaters).where(eq(theaters.id, theaterId)).for("update");
  return row ?? null;
}

export async function insertTicketType(tx: Tx, values: typeof ticketTypes.$inferInsert) {
  const [row] = await tx.insert(ticketTypes).values(values).returning();
  return row;
}

export async function updateTicketType(tx: Tx, ticketTypeId: string, values: Partial<typeof ticketTypes.$inferInsert>) {
  await tx.update(ticketTypes).set(values).where(eq(ticketTypes.id, ticketTypeId));
}

/** The tiers each screen of the theater sells, with the screen's name and format. */
export function screensOfTheater(db: Db | Tx, theaterId: string) {
  return db.select({ id: screens.id, name: screens.name, format: screens.format, tiers: screens.tiers }).from(screens).where(eq(screens.theaterId, theaterId)).orderBy(asc(screens.name));
}

/** Every card of a theater with its prices, live ones first. */
export async function priceCardsOfTheater(db: Db | Tx, theaterId: string) {
  const cards = await db.select().from(priceCards).where(eq(priceCards.theaterId, theaterId)).orderBy(sql`${priceCards.retiredAt} is not null`, sql`${priceCards.isDefault} desc`, asc(priceCards.name));
  const prices = cards.length ? await db.select().from(priceCardPrices).innerJoin(priceCards, eq(priceCards.id, priceCardPrices.cardId)).where(eq(priceCards.theaterId, theaterId)) : [];
  return cards.map((card) => ({ ...card, prices: pricesByTier(prices.filter((p) => p.price_card_prices.cardId === card.id).map((p) => p.price_card_prices)) }));
}

export async function priceCardById(db: Db | Tx, cardId: string) {
  const [card] = await db.select().from(priceCards).where(eq(priceCards.id, cardId));
  if (!card) return null;
  const prices = await db.select().from(priceCardPrices).where(eq(priceCardPrices.cardId, cardId));
  return { ...card, prices: pricesByTier(prices) };
}

function pricesByTier(rows: { tier: string; ticketTypeId: string; amount: number }[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.tier] ??= {})[r.ticketTypeId] = r.amount;
  return out;
}

/** The live default card of the theater other than `exceptId`. */
export async function liveDefaultCard(db: Db | Tx, theaterId: string, exceptId?: string) {
  const [row] = await db
    .select({ id: priceCards.id, name: priceCards.name })
    .from(priceCards)
    .where(and(eq(priceCards.theaterId, theaterId), eq(priceCards.isDefault, true), isNull(priceCards.retiredAt), exceptId ? sql`${priceCards.id} <> ${exceptId}` : undefined));
  return row ?? null;
}

type CardValues = Omit<typeof priceCards.$inferInsert, "id" | "createdAt">;

/** Writes a card and replaces its whole price grid. */
export async function savePriceCard(tx: Tx, cardId: string | null, values: CardValues, prices: { tier: string; ticketTypeId: string; amount: number }[]) {
  let id = cardId;
  if (id) await tx.update(priceCards).set(values).where(eq(priceCards.id, id));
  else id = (await tx.insert(priceCards).values(values).returning({ id: priceCards.id }))[0].id;
  await tx.delete(priceCardPrices).where(eq(priceCardPrices.cardId, id));
  if (prices.length) await tx.insert(priceCardPrices).values(prices.map((p) => ({ ...p, cardId: id })));
  return id;
}

export async function setPriceCardRetired(tx: Tx, cardId: string, retiredAt: Date | null) {
  await tx.update(priceCards).set({ retiredAt, ...(retiredAt ? { isDefault: false } : {}) }).where(eq(priceCards.id, cardId));
}

/** How many shows not yet started use the card, and how many of them have sold tickets. */
export async function comingShowsOnCard(db: Db | Tx, cardId: string, now = new Date()) {
  const [row] = await db
    .select({
      shows: sql<number>`count(*)::int`,
      withSales: sql<number>`count(*) filter (where exists (select 1 from tickets t where t.show_id = ${shows.id} and t.status <> 'voided'))::int`,
    })
    .from(shows)
    .where(and(eq(shows.priceCardId, cardId), eq(shows.status, "scheduled"), sql`${shows.startsAt} > ${now}`));
  return row;
}

export async function updateTheaterPricing(tx: Tx, theaterId: string, values: Pick<typeof theaters.$inferInsert, "bookingFeePerTicket" | "bookingFeePerOrder" | "pricesIncludeFees" | "taxRateBp" | "pricesIncludeTax" | "adultsOnlyRatings">) {
  await tx.update(theaters).set(values).where(eq(theaters.id, theaterId));
}

/** Every promo code of the theater, with its paid uses (held ones are counted in `redemptions`). */
export function promoCodesOfTheater(db: Db | Tx, theaterId: string) {
  return db
    .select({
      promo: promoCodes,
      used: sql<number>`(select count(*)::int from ${promoRedemptions} r where r.promo_code_id = ${promoCodes.id} and r.status = 'used')`,
    })
    .from(promoCodes)
    .where(eq(promoCodes.theaterId, theaterId))
    .orderBy(sql`${promoCodes.retiredAt} is not null`, asc(promoCodes.code));
}

export async function promoCodeById(db: Db | Tx, promoId: string) {
  const [row] = await db.select().from(promoCodes).where(eq(promoCodes.id, promoId));
  return row ?? null;
}

export async function promoCodeNamed(db: Db | Tx, theaterId: string, code: string) {
  const [row] = await db.select({ id: promoCodes.id }).from(promoCodes).where(and(eq(promoCodes.theaterId, theaterId), eq(promoCodes.code, code)));
  return row ?? null;
}

type PromoValues = Omit<typeof promoCodes.$inferInsert, "id" | "createdAt" | "redemptions">;

export async function savePromoCode(tx: Tx, promoId: string | null, values: PromoValues) {
  if (promoId) {
    await tx.update(promoCodes).set(values).where(eq(promoCodes.id, promoId));
    return promoId;
  }
  return (await tx.insert(promoCodes).values(values).returning({ id: promoCodes.id }))[0].id;
}

export async function setPromoCodeRetired(tx: Tx, promoId: string, retiredAt: Date | null) {
  await tx.update(promoCodes).set({ retiredAt }).where(eq(promoCodes.id, promoId));
}

/** The movies among these ids (a promo code's limit names them). */
export function moviesByIds(db: Db | Tx, movieIds: string[]) {
  if (movieIds.length === 0) return Promise.resolve([]);
  return db.select({ id: movies.id, title: movies.title }).from(movies).where(inArray(movies.id, movieIds));
}

/** The shows among these ids that play at the theater. */
export function showsOfTheaterByIds(db: Db | Tx, theaterId: string, showIds: string[]) {
  if (showIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: shows.id })
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(eq(screens.theaterId, theaterId), inArray(shows.id, showIds)));
}

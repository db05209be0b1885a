import "server-only";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { movies, orders, priceCards, promoCodes, promoRedemptions, screens, shows, theaters, ticketTypes } from "../schema";

// The admin side of pricing (issue 18): the writes behind the ticket type, price card, fee/tax
// and promo code pages, and the reads only those pages need. The engine's reads live in
// db/queries/pricing.ts (used here too). Every query takes the theater (or the row it scopes by) first.

export type TicketTypeRow = typeof ticketTypes.$inferSelect;
export type PriceCardRow = typeof priceCards.$inferSelect;
export type PromoCodeRow = typeof promoCodes.$inferSelect;


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




/** The live default card of the theater other than `exceptId`. */
export async function liveDefaultCard(db: Db | Tx, theaterId: string, exceptId?: string) {
  const [row] = await db
    .select({ id: priceCards.id, name: priceCards.name })
    .from(priceCards)
    .where(and(eq(priceCards.theaterId, theaterId), eq(priceCards.isDefault, true), isNull(priceCards.retiredAt), exceptId ? sql`${priceCards.id} <> ${exceptId}` : undefined));
  return row ?? null;
}

type CardValues = Omit<typeof priceCards.$inferInsert, "id" | "createdAt">;

/** Writes a card's name and rules (its prices: replaceCardPrices in db/queries/pricing.ts). */
export async function savePriceCardRow(tx: Tx, cardId: string | null, values: CardValues): Promise<string> {
  if (!cardId) return (await tx.insert(priceCards).values(values).returning({ id: priceCards.id }))[0].id;
  await tx.update(priceCards).set(values).where(eq(priceCards.id, cardId));
  return cardId;
}

export async function setPriceCardRetired(tx: Tx, cardId: string, retiredAt: Date | null) {
  await tx.update(priceCards).set({ retiredAt, ...(retiredAt ? { isDefault: false } : {}) }).where(eq(priceCards.id, cardId));
}

/** How many shows not yet started use the card, and how many of them have an order (those keep their snapshot). */
export async function comingShowsOnCard(db: Db | Tx, cardId: string, now = new Date()) {
  const [row] = await db
    .select({
      shows: sql<number>`count(*)::int`,
      // Spelled out: in a one-table select drizzle leaves columns unqualified, and "id" would mean o.id.
      withOrders: sql<number>`count(*) filter (where exists (select 1 from orders o where o.show_id = "shows"."id"))::int`,
    })
    .from(shows)
    .where(and(eq(shows.priceCardId, cardId), eq(shows.status, "scheduled"), gt(shows.startsAt, now)));
  return row;
}


/** Every promo code of the theater, with its paid uses (held ones are counted in `redemptions`). */
export function promoCodesWithUses(db: Db | Tx, theaterId: string) {
  return db
    .select({
      promo: promoCodes,
      // "promo_codes"."id" spelled out: drizzle leaves a one-table select's columns unqualified.
      used: sql<number>`(select count(*)::int from ${promoRedemptions} r where r.promo_code_id = "promo_codes"."id" and r.status = 'used')`,
    })
    .from(promoCodes)
    .where(eq(promoCodes.theaterId, theaterId))
    .orderBy(sql`${promoCodes.retiredAt} is not null`, asc(promoCodes.code));
}

export async function promoCodeById(db: Db | Tx, promoId: string) {
  const [row] = await db.select().from(promoCodes).where(eq(promoCodes.id, promoId));
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

/** The tiers the show's screen sells. */
export async function tiersOfShowScreen(db: Db | Tx, showId: string): Promise<string[]> {
  const [row] = await db.select({ tiers: screens.tiers }).from(shows).innerJoin(screens, eq(screens.id, shows.screenId)).where(eq(shows.id, showId));
  return row?.tiers ?? [];
}

/** A show with its screen and theater, locked, for changing its card; and whether it has any order. */
export async function lockShowForCard(tx: Tx, showId: string) {
  const [row] = await tx
    .select({ show: shows, screen: screens, theater: theaters, movieTitle: movies.title })
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .innerJoin(theaters, eq(theaters.id, screens.theaterId))
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .where(eq(shows.id, showId))
    .for("update", { of: shows });
  if (!row) return null;
  const [order] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.showId, showId)).limit(1);
  return { ...row, hasOrders: Boolean(order) };
}

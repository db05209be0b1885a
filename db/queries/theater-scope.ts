import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { orders, priceCards, promoCodes, screens, shows, theaterManagers, theaters, ticketTypes } from "../schema";

// Which theater a thing belongs to (issue 19): what lib/auth/theater-scope.ts checks an admin's
// scope against. Each answers null when there is no such thing, which the check refuses alike.

type Handle = Db | Tx;

async function first(rows: Promise<{ theaterId: string }[]>): Promise<string | null> {
  return (await rows)[0]?.theaterId ?? null;
}

export function theaterOfScreen(db: Handle, screenId: string) {
  return first(db.select({ theaterId: screens.theaterId }).from(screens).where(eq(screens.id, screenId)).limit(1));
}

export function theaterOfShow(db: Handle, showId: string) {
  return first(db.select({ theaterId: screens.theaterId }).from(shows).innerJoin(screens, eq(screens.id, shows.screenId)).where(eq(shows.id, showId)).limit(1));
}

export function theaterOfOrder(db: Handle, orderId: string) {
  return first(
    db
      .select({ theaterId: screens.theaterId })
      .from(orders)
      .innerJoin(shows, eq(shows.id, orders.showId))
      .innerJoin(screens, eq(screens.id, shows.screenId))
      .where(eq(orders.id, orderId))
      .limit(1),
  );
}

export function theaterOfTicketType(db: Handle, ticketTypeId: string) {
  return first(db.select({ theaterId: ticketTypes.theaterId }).from(ticketTypes).where(eq(ticketTypes.id, ticketTypeId)).limit(1));
}

export function theaterOfPriceCard(db: Handle, priceCardId: string) {
  return first(db.select({ theaterId: priceCards.theaterId }).from(priceCards).where(eq(priceCards.id, priceCardId)).limit(1));
}

export function theaterOfPromoCode(db: Handle, promoCodeId: string) {
  return first(db.select({ theaterId: promoCodes.theaterId }).from(promoCodes).where(eq(promoCodes.id, promoCodeId)).limit(1));
}

/** The theaters a site manager runs, by name. */
export async function theaterIdsManagedBy(db: Handle, userId: string): Promise<string[]> {
  const rows = await db
    .select({ theaterId: theaterManagers.theaterId })
    .from(theaterManagers)
    .innerJoin(theaters, eq(theaters.id, theaterManagers.theaterId))
    .where(eq(theaterManagers.userId, userId))
    .orderBy(asc(theaters.name));
  return rows.map((r) => r.theaterId);
}

import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { houseSeats, seats, shows, tickets } from "../schema";

// Reads of a show's seats for holds, the seat map and checkout, each scoped by the show.

export async function showById(db: Db, showId: string) {
  const [show] = await db.select().from(shows).where(eq(shows.id, showId)).limit(1);
  return show;
}

/** The seats in use on a screen (retired seats stay in the table for old tickets). */
export function activeSeatsOfScreen(db: Db, screenId: string) {
  return db.select().from(seats).where(and(eq(seats.screenId, screenId), eq(seats.active, true)));
}

/** The ids of a show's seats in use. */
export async function activeSeatIdsOfShow(db: Db, showId: string): Promise<string[]> {
  const rows = await db
    .select({ id: seats.id })
    .from(seats)
    .innerJoin(shows, eq(shows.screenId, seats.screenId))
    .where(and(eq(shows.id, showId), eq(seats.active, true)));
  return rows.map((r) => r.id);
}

/** Every seat of the show with a live ticket: one indexed read, what each seat-map poll needs. */
export async function soldSeatIdsOfShow(db: Db, showId: string): Promise<string[]> {
  const rows = await db
    .select({ seatId: tickets.seatId })
    .from(tickets)
    .where(and(eq(tickets.showId, showId), ne(tickets.status, "voided")));
  return rows.map((r) => r.seatId);
}

/** Seats the house keeps off sale for the show: unavailable to everyone until released. */
export async function houseSeatIdsOfShow(db: Db, showId: string): Promise<string[]> {
  const rows = await db.select({ seatId: houseSeats.seatId }).from(houseSeats).where(eq(houseSeats.showId, showId));
  return rows.map((r) => r.seatId);
}

/** Seats nobody can hold or buy: a live ticket, or kept by the house. */
export async function unavailableSeatIdsOfShow(db: Db, showId: string): Promise<string[]> {
  const [sold, house] = await Promise.all([soldSeatIdsOfShow(db, showId), houseSeatIdsOfShow(db, showId)]);
  return house.length ? [...new Set([...sold, ...house])] : sold;
}

/**
 * In one statement: the show, those of the requested seats that are in use on its screen, and
 * which of them already have a live ticket. A hold is the busiest write there is; one round trip
 * instead of three is most of its database time.
 */
export function holdRequestRows(db: Db, showId: string, seatIds: string[]) {
  return db
    .select({
      show: shows,
      seat: { id: seats.id, rowLabel: seats.rowLabel, number: seats.number, tier: seats.tier },
      sold: sql<boolean>`exists (select 1 from ${tickets} where ${tickets.showId} = ${shows.id} and ${tickets.seatId} = ${seats.id} and ${tickets.status} <> 'voided')`,
      // A house seat is refused like a sold one (its own message would tell a customer nothing more).
      house: sql<boolean>`exists (select 1 from ${houseSeats} where ${houseSeats.showId} = ${shows.id} and ${houseSeats.seatId} = ${seats.id})`,
    })
    .from(shows)
    .leftJoin(seats, and(eq(seats.screenId, shows.screenId), eq(seats.active, true), seatIds.length ? inArray(seats.id, seatIds) : sql`false`))
    .where(eq(shows.id, showId));
}

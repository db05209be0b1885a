import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { houseSeats, seats, users } from "../schema";

// The seats the house keeps off sale, per show.

/** The show's house seats with their labels and who kept them, in seat order. */
export function houseSeatsOfShow(db: Db, showId: string) {
  return db
    .select({ seatId: houseSeats.seatId, rowLabel: seats.rowLabel, number: seats.number, note: houseSeats.note, reservedBy: users.email, createdAt: houseSeats.createdAt })
    .from(houseSeats)
    .innerJoin(seats, eq(seats.id, houseSeats.seatId))
    .leftJoin(users, eq(users.id, houseSeats.reservedBy))
    .where(eq(houseSeats.showId, showId))
    .orderBy(seats.y, seats.x);
}

/** Keeps the seats off sale (already kept ones stay as they were); returns the ids newly kept. */
export async function insertHouseSeats(db: Db | Tx, showId: string, seatIds: string[], reservedBy: string, note: string): Promise<string[]> {
  if (!seatIds.length) return [];
  const rows = await db
    .insert(houseSeats)
    .values(seatIds.map((seatId) => ({ showId, seatId, reservedBy, note })))
    .onConflictDoNothing()
    .returning({ seatId: houseSeats.seatId });
  return rows.map((r) => r.seatId);
}

/** Puts house seats back on sale; returns the ids that were kept. */
export async function deleteHouseSeats(db: Db | Tx, showId: string, seatIds: string[]): Promise<string[]> {
  if (!seatIds.length) return [];
  const rows = await db
    .delete(houseSeats)
    .where(and(eq(houseSeats.showId, showId), inArray(houseSeats.seatId, seatIds)))
    .returning({ seatId: houseSeats.seatId });
  return rows.map((r) => r.seatId);
}

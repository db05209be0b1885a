import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { seats, shows, tickets } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** The show, refused with a clear reason when it cannot be booked any more. */
export async function bookableShow(db: Db, showId: string, now = new Date()) {
  return assertBookable(await showById(db, showId), now);
}

export async function showById(db: Db, showId: string) {
  const [show] = await db.select().from(shows).where(eq(shows.id, showId)).limit(1);
  return show;
}

export function assertBookable<S extends { status: string; startsAt: Date }>(show: S | undefined, now = new Date()): S {
  if (!show) throw new AppError("not_found", "That show does not exist.");
  if (show.status === "cancelled") throw new AppError("conflict", "This show has been cancelled.");
  if (show.startsAt <= now) throw new AppError("gone", "This show has already started.");
  return show;
}

/**
 * The requested seats of the show's screen that are in use. Found by the show's id (a join), so
 * a hold can ask for them at the same time as it reads the show; `requireAllSeats` then refuses
 * any id that is not one of them.
 */
export async function seatsOfShow(db: Db, showId: string, seatIds: string[]) {
  const unique = [...new Set(seatIds)];
  if (!unique.length) return [];
  const rows = await db
    .select({ seat: seats })
    .from(seats)
    .innerJoin(shows, eq(shows.screenId, seats.screenId))
    .where(and(eq(shows.id, showId), eq(seats.active, true), inArray(seats.id, unique)));
  return rows.map((r) => r.seat);
}

export function requireAllSeats<S extends { id: string }>(seatIds: string[], rows: S[]): S[] {
  const unique = [...new Set(seatIds)];
  if (rows.length !== unique.length) {
    const found = new Set(rows.map((r) => r.id));
    throw new AppError("bad_input", "Some of those seats are not in this show's screen.", { unknown: unique.filter((id) => !found.has(id)) });
  }
  return rows;
}

/** Every seat of the show with a live ticket: one indexed read, what each seat-map poll needs. */
export async function soldOfShow(db: Db, showId: string): Promise<string[]> {
  const rows = await db
    .select({ seatId: tickets.seatId })
    .from(tickets)
    .where(and(eq(tickets.showId, showId), ne(tickets.status, "voided")));
  return rows.map((r) => r.seatId);
}

/** Seats among `seatIds` that already have a live ticket for the show. */
export async function soldAmong(db: Db, showId: string, seatIds: string[]): Promise<string[]> {
  if (!seatIds.length) return [];
  const rows = await db
    .select({ seatId: tickets.seatId })
    .from(tickets)
    .where(and(eq(tickets.showId, showId), ne(tickets.status, "voided"), inArray(tickets.seatId, seatIds)));
  return rows.map((r) => r.seatId);
}

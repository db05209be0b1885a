import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { seats, shows, tickets } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** The show, refused with a clear reason when it cannot be booked any more. */
export async function bookableShow(db: Db, showId: string, now = new Date()) {
  const [show] = await db.select().from(shows).where(eq(shows.id, showId)).limit(1);
  return assertBookable(show, now);
}

export function assertBookable<S extends { status: string; startsAt: Date }>(show: S | undefined, now = new Date()): S {
  if (!show) throw new AppError("not_found", "That show does not exist.");
  if (show.status === "cancelled") throw new AppError("conflict", "This show has been cancelled.");
  if (show.startsAt <= now) throw new AppError("gone", "This show has already started.");
  return show;
}

/**
 * What a hold needs to judge a request, in one statement: the show, those of the requested
 * seats that are in use on its screen, and which of them already have a live ticket. A hold is
 * the busiest write there is; one round trip instead of three is most of its database time.
 */
export async function holdRequestFacts(db: Db, showId: string, seatIds: string[]) {
  const unique = [...new Set(seatIds)];
  const rows = await db
    .select({
      show: shows,
      seat: { id: seats.id, rowLabel: seats.rowLabel, number: seats.number, tier: seats.tier },
      sold: sql<boolean>`exists (select 1 from ${tickets} where ${tickets.showId} = ${shows.id} and ${tickets.seatId} = ${seats.id} and ${tickets.status} <> 'voided')`,
    })
    .from(shows)
    .leftJoin(seats, and(eq(seats.screenId, shows.screenId), eq(seats.active, true), unique.length ? inArray(seats.id, unique) : sql`false`))
    .where(eq(shows.id, showId));
  const found = rows.flatMap((r) => (r.seat ? [{ ...r.seat, sold: r.sold }] : []));
  const foundIds = new Set(found.map((s) => s.id));
  return { show: rows[0]?.show, seats: found, unknown: unique.filter((id) => !foundIds.has(id)) };
}

/** Every seat of the show with a live ticket: one indexed read, what each seat-map poll needs. */
export async function soldOfShow(db: Db, showId: string): Promise<string[]> {
  const rows = await db
    .select({ seatId: tickets.seatId })
    .from(tickets)
    .where(and(eq(tickets.showId, showId), ne(tickets.status, "voided")));
  return rows.map((r) => r.seatId);
}

import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { orders, seats, tickets } from "../schema";

/** A ticket with its order and the booked seat it is for, or null. */
export async function ticketWithOrder(db: Db, ticketId: string) {
  const [row] = await db
    // The seat's label from the screen, not the order's lines: a ticket voided by a swap (issue 21)
    // has no line any more, and the door must still say what it was.
    .select({ ticket: tickets, order: orders, seat: { rowLabel: seats.rowLabel, seatNumber: seats.number } })
    .from(tickets)
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .innerJoin(seats, eq(seats.id, tickets.seatId))
    .where(eq(tickets.id, ticketId))
    .limit(1);
  return row ?? null;
}

/**
 * valid → admitted in one conditional UPDATE, so two doors scanning one code at the same moment
 * cannot both let it in. Null when the ticket was not valid (already admitted, or voided).
 */
export async function admitValidTicket(db: Db, ticketId: string, staffId: string | null, at: Date) {
  const [admitted] = await db
    .update(tickets)
    .set({ status: "admitted", admittedAt: at, admittedBy: staffId })
    .where(and(eq(tickets.id, ticketId), eq(tickets.status, "valid")))
    .returning();
  return admitted ?? null;
}

export async function ticketById(db: Db, ticketId: string) {
  const [ticket] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
  return ticket ?? null;
}

/** Admitted and expected (live tickets) for a show's door page. */
export async function doorCounts(db: Db, showId: string) {
  const [counts] = await db
    .select({
      expected: sql<number>`count(*)::int`,
      admitted: sql<number>`count(*) filter (where ${tickets.status} = 'admitted')::int`,
    })
    .from(tickets)
    .where(and(eq(tickets.showId, showId), ne(tickets.status, "voided")));
  return counts;
}

/** How many tickets of an order were admitted at the door (a refund of it then needs a reason). */
export async function admittedCountOfOrder(db: Db, orderId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(eq(tickets.orderId, orderId), eq(tickets.status, "admitted")));
  return row.n;
}

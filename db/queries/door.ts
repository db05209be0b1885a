import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { orderSeats, orders, tickets, users } from "../schema";
import { matchesCustomerOrReference } from "./admin-bookings";
import { inSeatOrder } from "./seat-order";

export const DOOR_RESULTS = 12;

export type DoorSearch =
  | { kind: "reference"; reference: string }
  | { kind: "seat"; row: string; number: number }
  | { kind: "customer"; text: string }
  | { kind: "order"; orderId: string };

/**
 * Bookings of one show that the door staff's words name: a booking reference, a seat, or part of
 * the customer's name or email. Paid and refunded orders (a refunded one is shown as such, so
 * staff can say why it does not admit); unpaid checkouts have no tickets and are left out.
 */
export async function doorBookings(db: Db, showId: string, search: DoorSearch) {
  let match: SQL;
  if (search.kind === "reference") match = eq(orders.reference, search.reference);
  else if (search.kind === "seat")
    match = inArray(
      orders.id,
      db
        .select({ id: orderSeats.orderId })
        .from(orderSeats)
        .where(and(sql`upper(${orderSeats.rowLabel}) = ${search.row}`, eq(orderSeats.seatNumber, search.number))),
    );
  else if (search.kind === "order") match = eq(orders.id, search.orderId);
  else match = matchesCustomerOrReference(db, search.text);

  const found = await db
    .select({ id: orders.id, reference: orders.reference, email: orders.email, status: orders.status, name: users.name })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.userId))
    .where(and(eq(orders.showId, showId), inArray(orders.status, ["paid", "refunded"]), match))
    // Paid before refunded: at a seat that was resold, the live booking comes first.
    .orderBy(asc(orders.status), asc(orders.createdAt))
    .limit(DOOR_RESULTS + 1);
  if (found.length === 0) return { bookings: [], more: false };

  const ticketRows = await db
    .select({ id: tickets.id, orderId: tickets.orderId, status: tickets.status, admittedAt: tickets.admittedAt, row: orderSeats.rowLabel, number: orderSeats.seatNumber })
    .from(tickets)
    .innerJoin(orderSeats, and(eq(orderSeats.orderId, tickets.orderId), eq(orderSeats.seatId, tickets.seatId)))
    .where(and(eq(tickets.showId, showId), inArray(tickets.orderId, found.slice(0, DOOR_RESULTS).map((o) => o.id))))
    .orderBy(...inSeatOrder());
  const bookings = found.slice(0, DOOR_RESULTS).map((o) => ({ ...o, tickets: ticketRows.filter((t) => t.orderId === o.id) }));
  return { bookings, more: found.length > DOOR_RESULTS };
}

/**
 * valid → admitted for the chosen tickets of one paid order of one show, in ONE conditional
 * UPDATE: each ticket row is taken only while it is still valid, so two door devices admitting
 * the same booking at the same moment admit each ticket once between them (Postgres re-checks
 * the condition on a row another transaction just changed). Returns the tickets this call admitted.
 */
export async function admitOrderTickets(db: Db, showId: string, orderId: string, ticketIds: string[] | "all", staffId: string | null, at: Date) {
  const chosen = ticketIds === "all" ? undefined : inArray(tickets.id, ticketIds.length ? ticketIds : [""]);
  return db
    .update(tickets)
    .set({ status: "admitted", admittedAt: at, admittedBy: staffId })
    .where(
      and(
        eq(tickets.orderId, orderId),
        eq(tickets.showId, showId),
        eq(tickets.status, "valid"),
        chosen,
        sql`exists (select 1 from ${orders} where ${orders.id} = ${tickets.orderId} and ${orders.status} = 'paid')`,
      ),
    )
    .returning({ id: tickets.id });
}

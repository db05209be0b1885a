import "server-only";
import type { Db } from "@/db/client";
import { admitOrderTickets, doorBookings, type DoorSearch } from "@/db/queries/door";
import { admitValidTicket, ticketById, ticketWithOrder } from "@/db/queries/tickets";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { recordAudit } from "@/lib/audit/record-audit";
import { formatBookingReference, parseBookingReference } from "@/lib/booking-reference";
import { describeSeats } from "@/lib/seat-map/format";
import { formatTime } from "@/lib/time";
import { ticketSecret, verifyTicketCode } from "./code";

// Door check-in: a scanned or typed code admits its ticket; words (a booking reference, a seat
// like "g12", part of a name or email) find the show's bookings, whose tickets staff admit one by
// one or all at once. Every admit is a conditional UPDATE (valid → admitted), so two devices
// never admit one ticket twice. Times are the theater's (a door device may be set to any zone).

export type DoorStaff = { id: string; email: string };
export type DoorShow = { showId: string; title: string; startsAt: Date; theaterId: string; timeZone: string };

export type CheckInResult =
  | { result: "admitted"; ticketId: string; row: string; seatNumber: number; name: string; reference: string }
  | { result: "already_admitted"; ticketId: string; row: string; seatNumber: number; admittedAt: string; reference: string }
  | { result: "refunded"; ticketId: string; row: string; seatNumber: number; reference: string }
  | { result: "wrong_show"; ticketId: string; showId: string }
  | { result: "invalid"; reason: "malformed" | "bad_signature" | "unknown_ticket" };

export type DoorTicket = { id: string; row: string; seatNumber: number; status: "valid" | "admitted" | "voided"; admittedAt: string | null };
export type DoorBooking = { orderId: string; reference: string; customer: string; email: string; status: "paid" | "refunded"; tickets: DoorTicket[] };
export type DoorLookup = { query: string; understoodAs: string; bookings: DoorBooking[]; more: boolean };
export type BookingAdmitResult = {
  reference: string;
  // When this call admitted them, in the theater's zone ("8:41 PM").
  at: string;
  admitted: { row: string; seatNumber: number }[];
  alreadyAdmitted: { row: string; seatNumber: number; admittedAt: string }[];
  refunded: boolean;
};

/** The show a door page serves, with what its answers and audit entries need; null if none. */
export async function doorShow(db: Db, showId: string): Promise<DoorShow | null> {
  const row = await showWithVenue(db, showId);
  return row && { showId, title: row.movie.title, startsAt: row.show.startsAt, theaterId: row.theater.id, timeZone: row.theater.timeZone };
}

/** What the staff member typed, understood: a seat ("G12", "g 12"), a reference, or customer words. */
export function parseDoorQuery(text: string): Exclude<DoorSearch, { kind: "order" }> | null {
  const t = text.trim();
  const seat = /^([a-z]{1,3})\s*-?\s*(\d{1,4})$/i.exec(t);
  if (seat) return { kind: "seat", row: seat[1].toUpperCase(), number: Number(seat[2]) };
  const reference = parseBookingReference(t);
  if (reference) return { kind: "reference", reference };
  return t.length >= 2 ? { kind: "customer", text: t } : null;
}

/** Bookings of the show that the words name, with their tickets, for the door to admit. */
export async function lookUpAtDoor(db: Db, show: DoorShow, text: string): Promise<DoorLookup | null> {
  const search = parseDoorQuery(text);
  if (!search) return null;
  const { bookings, more } = await doorBookings(db, show.showId, search);
  return {
    query: text.trim(),
    understoodAs: search.kind === "seat" ? `seat ${search.row}${search.number}` : search.kind === "reference" ? `booking ${formatBookingReference(search.reference)}` : `customer “${search.text}”`,
    more,
    bookings: bookings.map((b) => ({
      orderId: b.id,
      reference: formatBookingReference(b.reference),
      customer: b.name?.trim() || b.email,
      email: b.email,
      status: b.status === "paid" ? "paid" : "refunded",
      tickets: b.tickets.map((t) => ({ id: t.id, row: t.row, seatNumber: t.number, status: t.status, admittedAt: t.admittedAt && formatTime(t.admittedAt, show.timeZone) })),
    })),
  };
}

/** Admits the chosen (or all) tickets of one booking of the show; says what each one did. */
export async function admitBooking(db: Db, show: DoorShow, orderId: string, ticketIds: string[] | "all", staff: DoorStaff): Promise<BookingAdmitResult | null> {
  const at = new Date();
  const admittedIds = new Set((await admitOrderTickets(db, show.showId, orderId, ticketIds, staff.id, at)).map((t) => t.id));
  const { bookings } = await doorBookings(db, show.showId, { kind: "order", orderId });
  const booking = bookings[0];
  if (!booking) return null;
  const chosen = booking.tickets.filter((t) => ticketIds === "all" || ticketIds.includes(t.id));
  const admitted = chosen.filter((t) => admittedIds.has(t.id)).map((t) => ({ row: t.row, seatNumber: t.number }));
  const reference = formatBookingReference(booking.reference);
  if (admitted.length > 0) await auditAdmit(db, show, staff, orderId, reference, admitted, at);
  return {
    reference,
    at: formatTime(at, show.timeZone),
    admitted,
    alreadyAdmitted: chosen
      .filter((t) => !admittedIds.has(t.id) && t.status === "admitted")
      .map((t) => ({ row: t.row, seatNumber: t.number, admittedAt: t.admittedAt ? formatTime(t.admittedAt, show.timeZone) : "" })),
    refunded: booking.status !== "paid" || chosen.some((t) => t.status === "voided"),
  };
}

/**
 * Admits the ticket a code names, for one show, exactly once: the change is a single
 * conditional UPDATE (valid → admitted), so two doors scanning the same code at the same moment
 * cannot both let it in. Every other case gets a clear answer for the staff member.
 */
export async function admitTicket(db: Db, code: string, show: DoorShow, staff: DoorStaff | null, now = new Date()): Promise<CheckInResult> {
  const verified = verifyTicketCode(code, ticketSecret());
  if (!verified.ok) return { result: "invalid", reason: verified.reason };
  const row = await ticketWithOrder(db, verified.ticketId);
  if (!row) return { result: "invalid", reason: "unknown_ticket" };
  const reference = formatBookingReference(row.order.reference);
  const seat = { ticketId: row.ticket.id, row: row.seat.rowLabel, seatNumber: row.seat.seatNumber, reference };
  if (row.ticket.showId !== show.showId) return { result: "wrong_show", ticketId: row.ticket.id, showId: row.ticket.showId };
  if (row.ticket.status === "voided" || row.order.status !== "paid") return { result: "refunded", ...seat };

  const admitted = await admitValidTicket(db, row.ticket.id, staff?.id ?? null, now);
  if (admitted) {
    if (staff) await auditAdmit(db, show, staff, row.order.id, reference, [{ row: seat.row, seatNumber: seat.seatNumber }], now);
    return { result: "admitted", ...seat, name: row.order.email };
  }
  const current = (await ticketById(db, row.ticket.id))!;
  if (current.status === "voided") return { result: "refunded", ...seat };
  return { result: "already_admitted", ...seat, admittedAt: formatTime(current.admittedAt ?? new Date(0), show.timeZone) };
}

function auditAdmit(db: Db, show: DoorShow, staff: DoorStaff, orderId: string, reference: string, seats: { row: string; seatNumber: number }[], at: Date) {
  return recordAudit(db, staff, "ticket.admit", { type: "order", id: orderId, theaterId: show.theaterId }, {
    reference,
    count: seats.length,
    seats: describeSeats(seats.map((s) => ({ row: s.row, number: s.seatNumber }))),
    movieTitle: show.title,
    startsAt: show.startsAt.toISOString(),
  }, at);
}

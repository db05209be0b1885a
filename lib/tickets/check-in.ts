import "server-only";
import type { Db } from "@/db/client";
import { admitValidTicket, ticketById, ticketWithOrder } from "@/db/queries/tickets";
import { ticketSecret, verifyTicketCode } from "./code";

export type CheckInResult =
  | { result: "admitted"; ticketId: string; row: string; seatNumber: number; name: string }
  | { result: "already_admitted"; ticketId: string; row: string; seatNumber: number; admittedAt: Date }
  | { result: "refunded"; ticketId: string; row: string; seatNumber: number }
  | { result: "wrong_show"; ticketId: string; showId: string }
  | { result: "invalid"; reason: "malformed" | "bad_signature" | "unknown_ticket" };

/**
 * Admits the ticket a code names, for one show, exactly once: the change is a single
 * conditional UPDATE (valid → admitted), so two doors scanning the same code at the same moment
 * cannot both let it in. Every other case gets a clear answer for the staff member.
 */
export async function admitTicket(db: Db, code: string, showId: string, staffId: string | null): Promise<CheckInResult> {
  const verified = verifyTicketCode(code, ticketSecret());
  if (!verified.ok) return { result: "invalid", reason: verified.reason };
  const row = await ticketWithOrder(db, verified.ticketId);
  if (!row) return { result: "invalid", reason: "unknown_ticket" };
  const seat = { ticketId: row.ticket.id, row: row.seat.rowLabel, seatNumber: row.seat.seatNumber };
  if (row.ticket.showId !== showId) return { result: "wrong_show", ticketId: row.ticket.id, showId: row.ticket.showId };
  if (row.ticket.status === "voided" || row.order.status !== "paid") return { result: "refunded", ...seat };

  const admitted = await admitValidTicket(db, row.ticket.id, staffId, new Date());
  if (admitted) return { result: "admitted", ...seat, name: row.order.email };
  const now = (await ticketById(db, row.ticket.id))!;
  if (now.status === "voided") return { result: "refunded", ...seat };
  return { result: "already_admitted", ...seat, admittedAt: now.admittedAt ?? new Date(0) };
}

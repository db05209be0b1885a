import { randomUUID } from "node:crypto";
import { signTicketCode } from "@/lib/tickets/code";
import type { TicketPdfData } from "@/lib/tickets/ticket-pdf";

// A fixed secret: the bench measures rendering, not secret lookup.
const SECRET = "bench-secret-bench-secret-bench-secret";

/** A realistic order with `seats` seats in one row, each with a real signed code. */
export function benchOrder(seats: number): TicketPdfData {
  return {
    orderId: randomUUID(),
    reference: "K7QF-2M9P",
    movieTitle: "Dune: Part Two",
    rating: "PG-13",
    runtimeMinutes: 166,
    theaterName: "Marquee Riverside",
    theaterAddress: "120 River Street, Brooklyn, NY 11201",
    screenName: "Grand (Large Format)",
    startsAt: new Date("2026-11-21T23:30:00Z"),
    timeZone: "America/New_York",
    currency: "usd",
    customerEmail: "ada@example.com",
    tickets: Array.from({ length: seats }, (_, i) => {
      const ticketId = randomUUID();
      return { ticketId, code: signTicketCode(ticketId, SECRET), row: "F", seatNumber: 7 + i, tier: "standard", amount: 1450 };
    }),
  };
}

import "server-only";
import { signTicketCode, ticketSecret } from "@/lib/tickets/code";
import { renderTicketsPdf, type TicketPdfData } from "@/lib/tickets/ticket-pdf";
import { ticketIcs } from "@/lib/tickets/calendar";
import type { OrderDetail } from "@/db/queries/orders";
import { shortSeatLabel } from "@/lib/seat-map/format";
import { formatBookingReference } from "@/lib/booking-reference";
import { tagLine } from "@/lib/show-tags";
import { orderReceiptRows } from "./order-receipt";
import { compareRowLabels } from "./seat-label";

/** The live tickets of an order with their signed codes, in seat order. */
export function ticketsWithCodes(detail: OrderDetail) {
  const secret = ticketSecret();
  const seatOf = new Map(detail.seats.map((s) => [s.seatId, s]));
  return detail.tickets
    .filter((t) => t.status !== "voided")
    .map((t) => {
      const seat = seatOf.get(t.seatId)!;
      return { ticket: t, seat, code: signTicketCode(t.id, secret) };
    })
    .sort((a, b) => compareRowLabels(a.seat.rowLabel, b.seat.rowLabel) || a.seat.seatNumber - b.seat.seatNumber);
}

// The PDF's font has no U+2212 minus sign: a discount prints with a hyphen-minus there.
const pdfText = (text: string) => text.replace(/\u2212/g, "-");

const totalFirst = <R extends { label: string }>(rows: R[]) => [...rows.filter((r) => r.label === "Total"), ...rows.filter((r) => r.label !== "Total")];

export function ticketPdfData(detail: OrderDetail): TicketPdfData {
  return {
    orderId: detail.order.id,
    reference: formatBookingReference(detail.order.reference),
    movieTitle: detail.movie.title,
    rating: detail.movie.rating,
    runtimeMinutes: detail.movie.runtimeMinutes,
    tags: tagLine(detail.show.tags),
    theaterName: detail.theater.name,
    theaterAddress: detail.theater.address,
    screenName: detail.screen.name,
    startsAt: detail.show.startsAt,
    timeZone: detail.theater.timeZone,
    currency: detail.order.currency,
    customerEmail: detail.order.email,
    tickets: ticketsWithCodes(detail).map(({ ticket, seat, code }) => ({
      ticketId: ticket.id,
      code,
      row: seat.rowLabel,
      seatNumber: seat.seatNumber,
      tier: seat.tier,
      amount: seat.amount,
      ticketType: seat.ticketTypeName,
    })),
    // The total first: a long receipt is cut at the end of the ticket's footer, never the total.
    receipt: totalFirst(orderReceiptRows(detail)).map((r) => ({ label: r.label, amount: pdfText(r.amount) })),
  };
}

export function orderPdf(detail: OrderDetail): Promise<Buffer> {
  return renderTicketsPdf(ticketPdfData(detail));
}

export function orderIcs(detail: OrderDetail, baseUrl: string): string {
  return ticketIcs({
    title: `${detail.movie.title} (${detail.screen.name})`,
    startsAt: detail.show.startsAt,
    endsAt: detail.show.endsAt,
    location: `${detail.theater.name}, ${detail.theater.address}`,
    description: `Seats: ${detail.seats.map((s) => shortSeatLabel({ row: s.rowLabel, number: s.seatNumber })).join(", ")}. Booking ${formatBookingReference(detail.order.reference)}.`,
    url: `${baseUrl}/bookings/${detail.order.id}`,
    uid: `${detail.order.id}@marquee`,
  });
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { orderDetail } from "@/db/queries/orders";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { managesTheater } from "@/lib/auth/theater-scope";
import { formatBookingReference } from "@/lib/booking-reference";
import { seatLabel } from "@/lib/booking/seat-label";
import { ticketsWithCodes } from "@/lib/booking/ticket-bundle";
import { TicketList } from "@/components/ticket-list";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "@/lib/time";

export const metadata = { title: "Box office: sold" };

const METHOD_NAMES: Record<string, string> = { cash: "Cash", card_terminal: "Card terminal", online: "Online" };

/** The counter's receipt: what was sold and how it was paid, the tickets to print, the next sale. */
export default async function BoxOfficeSoldPage({ params }: { params: Promise<{ showId: string; orderId: string }> }) {
  const actor = await requireAdminPage();
  const { showId, orderId } = await params;
  if (!z.uuid().safeParse(orderId).success) notFound();
  const detail = await orderDetail(await getDb(), orderId);
  if (!detail || detail.show.id !== showId || !managesTheater(actor, detail.theater.id)) notFound();
  const { order } = detail;
  const paid = order.status === "paid";

  return (
    <div className="max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{paid ? "Sold" : `Order ${order.status}`}</h1>
        <p className="text-zinc-200">
          {detail.movie.title} · {formatDateTime(detail.show.startsAt, detail.theater.timeZone)} · {detail.screen.name}
        </p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-xl border border-line bg-panel p-4" data-testid="counter-receipt">
        <dt className="text-zinc-300">Booking</dt>
        <dd className="font-mono">{formatBookingReference(order.reference)}</dd>
        <dt className="text-zinc-300">Seats</dt>
        <dd>{detail.seats.map((s) => seatLabel(s.rowLabel, s.seatNumber)).join(", ")}</dd>
        <dt className="text-zinc-300">Total</dt>
        <dd className="font-semibold tabular-nums">{formatMoney(order.totalAmount, order.currency)}</dd>
        <dt className="text-zinc-300">Paid by</dt>
        <dd data-testid="counter-method">{METHOD_NAMES[order.paymentMethod]}</dd>
        <dt className="text-zinc-300">Tickets</dt>
        <dd>
          {detail.tickets.filter((t) => t.status !== "voided").length}
          {order.email ? ` · emailed to ${order.email}` : ""}
        </dd>
      </dl>
      <div className="flex flex-wrap gap-3">
        {paid && (
          <a href={`/api/bookings/${order.id}/pdf`} className="inline-flex min-h-11 items-center rounded-lg bg-gold px-4 font-semibold text-ink" data-testid="print-tickets">
            Print tickets (PDF)
          </a>
        )}
        <Link href={`/admin/shows/${showId}/box-office`} className="inline-flex min-h-11 items-center rounded-lg border border-line px-4 hover:border-zinc-300">
          Next sale
        </Link>
        <Link href={`/admin/bookings/${order.id}`} className="inline-flex min-h-11 items-center rounded-lg border border-line px-4 hover:border-zinc-300">
          Booking details
        </Link>
      </div>
      {paid && (
        <section aria-labelledby="tickets-title" className="space-y-3">
          <h2 id="tickets-title" className="text-lg font-semibold">
            Tickets
          </h2>
          <TicketList items={ticketsWithCodes(detail)} currency={order.currency} />
        </section>
      )}
    </div>
  );
}

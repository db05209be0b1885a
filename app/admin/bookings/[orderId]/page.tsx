import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { bookingForAdmin } from "@/db/queries/admin-booking-detail";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { managesTheater } from "@/lib/auth/theater-scope";
import { orderIdSchema } from "@/lib/admin/booking-input";
import { formatBookingReference } from "@/lib/booking-reference";
import { orderTimeline } from "@/lib/admin/order-timeline";
import { adjustmentForTimeline } from "@/lib/admin/adjustment-text";
import { adjustmentsOfOrder } from "@/db/queries/adjustments";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { offersOfOrder } from "@/db/queries/waitlist";
import { staffCancelsOfOrder } from "@/db/queries/audit";
import { formatMoney } from "@/lib/money";
import { shortSeatLabel } from "@/lib/seat-map/format";
import { formatDateTime } from "@/lib/time";
import { ConfirmOrderAction } from "@/components/admin/bookings/confirm-order-action";
import { OrderStatusBadge } from "@/components/admin/bookings/order-status-badge";
import { PartialRefundForm } from "@/components/admin/bookings/partial-refund-form";
import { cancelPendingOrderAction, refundBookingAction, refundSeatsAction } from "../actions";
import { TitledSection } from "@/components/titled-section";
import { AdminTable } from "@/components/admin/admin-table";
import { BackLink } from "@/components/back-link";

export const metadata = { title: "Booking" };

const TICKET_STATE = { valid: "Valid", admitted: "Checked in", voided: "Void" } as const;

export default async function AdminBookingPage({ params }: { params: Promise<{ orderId: string }> }) {
  const actor = await requireAdminPage();
  const parsed = orderIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const booking = await bookingForAdmin(await getDb(), parsed.data.orderId);
  if (!booking || !managesTheater(actor, booking.theater.id)) notFound();
  const { order, movie, show, screen, theater, seats, tickets, emails, customer } = booking;
  const tz = theater.timeZone;
  const money = (minor: number) => formatMoney(minor, order.currency);
  const ticketOf = new Map(tickets.map((t) => [t.ticket.seatId, t.ticket]));
  const db = await getDb();
  const [adjustments, offers, staffCancels] = await Promise.all([adjustmentsOfOrder(db, order.id), offersOfOrder(db, order.id), staffCancelsOfOrder(db, order.id)]);
  const showTimes = new Map<string, string>();
  for (const id of new Set(adjustments.flatMap((a) => [a.fromShowId, a.toShowId]))) {
    const s = await showWithVenue(db, id);
    if (s) showTimes.set(id, formatDateTime(s.show.startsAt, tz));
  }
  const timeline = orderTimeline(
    order,
    emails,
    tickets.map((t) => ({ seat: shortSeatLabel({ row: t.rowLabel, number: t.seatNumber }), admittedAt: t.ticket.admittedAt })),
    adjustments.map((a) => adjustmentForTimeline(a, money, (which) => showTimes.get(which === "from" ? a.fromShowId : a.toShowId) ?? "", staffCancels.get(a.id))),
    offers.map((o) => ({
      at: o.createdAt,
      together: o.together,
      seats: seats.filter((s) => o.seatIds.includes(s.seatId)).map((s) => shortSeatLabel({ row: s.rowLabel, number: s.seatNumber })).join(", ") || `${o.seatIds.length} seats`,
    })),
  );
  const admitted = tickets.filter((t) => t.ticket.status === "admitted").length;
  const seatList = seats.map((s) => shortSeatLabel({ row: s.rowLabel, number: s.seatNumber })).join(", ");

  return (
    <article className="space-y-6">
      <BackLink href="/admin/bookings">Bookings</BackLink>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          Booking <span className="font-mono">{formatBookingReference(order.reference)}</span>
        </h1>
        <OrderStatusBadge status={order.status} />
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <TitledSection id="show" title="Show" panel className="space-y-1" headingClassName="font-semibold">
          <p>{movie.title}</p>
          <p className="text-sm text-zinc-200">
            {formatDateTime(show.startsAt, tz)} · {screen.name}
            {show.status === "cancelled" && " · show cancelled"}
          </p>
          <p className="text-sm">
            <Link href={`/admin?show=${show.id}#seat-map`} className="inline-flex min-h-11 items-center text-gold underline">
              Seat map
            </Link>{" "}
            ·{" "}
            <Link href={`/admin/bookings?show=${show.id}`} className="inline-flex min-h-11 items-center text-gold underline">
              Other bookings of this show
            </Link>
          </p>
        </TitledSection>
        <TitledSection id="customer" title="Customer" panel className="space-y-1" headingClassName="font-semibold">
          {customer?.name && <p>{customer.name}</p>}
          <p className="break-all">
            <a href={`mailto:${order.email}`} className="inline-flex min-h-11 items-center text-gold underline">
              {order.email}
            </a>
          </p>
          <p className="text-sm text-zinc-300">
            {customer ? (customer.email === order.email ? "Signed-in account" : `Account ${customer.email}`) : "No account linked"}
            {" · "}
            <Link href={`/admin/bookings?q=${encodeURIComponent(order.email)}`} className="inline-flex min-h-11 items-center text-gold underline">
              All their bookings
            </Link>
          </p>
        </TitledSection>
      </div>

      <TitledSection id="seats" title="Seats and tickets" className="space-y-2">
        <AdminTable caption={`Seats of this order: ${seatList}`} columns={[{ label: "Seat" }, { label: "Tier" }, { label: "Price" }, { label: "Ticket" }]} footer={
              <tr className="border-t border-line font-semibold">
                <th scope="row" colSpan={2} className="px-3 py-2">
                  Total
                </th>
                <td colSpan={2} className="px-3 py-2 tabular-nums">
                  {money(order.totalAmount)}
                </td>
              </tr>
            }>
              {seats.map((s) => {
                const ticket = ticketOf.get(s.seatId);
                return (
                  <tr key={s.seatId} className="border-t border-line">
                    <th scope="row" className="px-3 py-2">
                      Row {s.rowLabel}, seat {s.seatNumber}
                    </th>
                    <td className="px-3 py-2 capitalize">{s.tier}</td>
                    <td className="px-3 py-2 tabular-nums">{money(s.amount)}</td>
                    <td className="px-3 py-2">
                      {ticket ? (
                        <>
                          {TICKET_STATE[ticket.status]}
                          {ticket.admittedAt && <span className="text-zinc-300"> at {formatDateTime(ticket.admittedAt, tz)}</span>}
                        </>
                      ) : (
                        <span className="text-zinc-300">Not issued</span>
                      )}
                    </td>
                  </tr>
                );
              })}
        </AdminTable>
      </TitledSection>

      <TitledSection id="timeline" title="Timeline" className="space-y-2">
        <ol className="space-y-3 border-l border-line pl-4">
          {timeline.map((event, i) => (
            <li key={`${event.kind}-${i}`} className="relative">
              <span aria-hidden className="absolute top-1.5 -left-[1.3rem] size-2.5 rounded-full bg-gold" />
              <p className="font-medium">{event.title}</p>
              <p className="text-sm text-zinc-300">
                {event.at ? <time dateTime={event.at.toISOString()}>{formatDateTime(event.at, tz)}</time> : "Time not known yet"}
                {event.detail && ` · ${event.detail}`}
              </p>
            </li>
          ))}
        </ol>
      </TitledSection>

      <TitledSection id="box-office" title="Box office" panel>
        {order.status === "paid" && <p className="text-sm text-zinc-300">A refund returns {money(order.totalAmount)} in full, voids the tickets, puts the seats back on sale and emails the customer.</p>}
        {order.status === "paid" && admitted > 0 && (
          <p className="rounded-lg border-2 border-amber-300 bg-amber-300/10 p-3 font-semibold" data-testid="refund-warning">
            {admitted === tickets.length ? `All ${admitted === 1 ? "1 ticket" : `${admitted} tickets`}` : `${admitted} of ${tickets.length} tickets`} of this booking{" "}
            {admitted === 1 ? "was" : "were"} already admitted at the door. A refund needs a reason, which goes to the audit log.
          </p>
        )}
        {order.status === "pending" && <p className="text-sm text-zinc-300">This checkout has not been paid. Cancelling it ends the payment session and frees the seats.</p>}
        {order.status !== "paid" && order.status !== "pending" && <p className="text-sm text-zinc-300">Nothing to do: this order is {order.status}.</p>}
        <ConfirmOrderAction
          orderId={order.id}
          available={order.status === "paid"}
          label="Refund"
          confirmLabel="Confirm refund"
          question={`Refund ${money(order.totalAmount)} to ${order.email} and void seats ${seatList}? This cannot be undone.`}
          fields={
            admitted > 0 ? (
              <div className="grid gap-1">
                <label htmlFor="refund-reason" className="text-sm font-medium">
                  Reason for refunding admitted tickets
                </label>
                <textarea id="refund-reason" name="reason" required maxLength={500} rows={2} className="rounded-md border border-line bg-ink px-3 py-2" />
              </div>
            ) : undefined
          }
          outcomes={{ refunded: "Refunded. The tickets are void, the seats are back on sale and the customer has been emailed.", already_refunded: "Refunded already: nothing more was done." }}
          action={refundBookingAction}
        />
        {order.status === "paid" && seats.length > 1 && (
          <PartialRefundForm
            orderId={order.id}
            action={refundSeatsAction}
            whereMoneyGoes={order.paymentMethod === "online" ? "refunded to the original payment" : "money back at the counter"}
            seats={seats.map((s) => ({
              seatId: s.seatId,
              label: `Row ${s.rowLabel}, seat ${s.seatNumber}`,
              price: money(s.amount),
              admitted: ticketOf.get(s.seatId)?.status === "admitted",
            }))}
          />
        )}
        <ConfirmOrderAction
          orderId={order.id}
          available={order.status === "pending"}
          label="Cancel checkout"
          confirmLabel="Confirm cancel"
          question="Cancel this unpaid checkout? The customer will no longer be able to pay for these seats."
          outcomes={{ cancelled: "Cancelled. The seats are free again." }}
          action={cancelPendingOrderAction}
          tone="plain"
        />
        <p className="text-xs text-zinc-300">
          Full order id: <span className="font-mono">{order.id}</span>
          {order.stripePaymentIntentId && (
            <>
              {" "}
              · payment <span className="font-mono">{order.stripePaymentIntentId}</span>
            </>
          )}
        </p>
      </TitledSection>
    </article>
  );
}

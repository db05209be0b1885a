import { cancellationDeadline } from "@/lib/booking/cancel-booking";
import { refundExplanation } from "@/lib/booking/refund-explanation";
import { ticketsWithCodes } from "@/lib/booking/ticket-bundle";
import { viewableOrderForPage } from "@/lib/booking/viewable-order";
import { formatMoney } from "@/lib/money";
import { formatBookingReference } from "@/lib/booking-reference";
import { formatDateTime } from "@/lib/time";
import { TicketList } from "@/components/ticket-list";
import { OrderReceipt } from "@/components/order-receipt";
import { CancelBookingForm } from "@/components/cancel-booking-form";
import { cancelBookingAction } from "../actions";
import { BackLink } from "@/components/back-link";
import { ShowTagChips } from "@/components/show-tag-chips";
import { CancelSeatsForm } from "@/components/cancel-seats-form";
import { getDb, type Db } from "@/db/client";
import { adjustmentsOfOrder } from "@/db/queries/adjustments";
import { upcomingShows } from "@/db/queries/catalog";
import { seatLabel } from "@/lib/booking/seat-label";
import type { OrderDetail } from "@/db/queries/orders";
import { cancelSeatsAction, cancelSwapAction } from "./swap-actions";

export const metadata = { title: "Booking" };

export default async function BookingPage({ params, searchParams }: { params: Promise<{ orderId: string }>; searchParams: Promise<{ swap?: string }> }) {
  const { orderId } = await params;
  const { swap: swapParam } = await searchParams;
  const found = await viewableOrderForPage(orderId, `/bookings/${orderId}`);
  const { detail, user } = found;
  const tz = detail.theater.timeZone;
  const deadline = cancellationDeadline(detail.show.startsAt);
  const cancellable = detail.order.status === "paid" && new Date() < deadline && detail.order.userId === user.id;
  const db = await getDb();
  const adjustments = await adjustmentsOfOrder(db, detail.order.id);
  const pendingSwap = adjustments.find((a) => a.kind === "swap" && a.status === "pending");
  const shownSwap = typeof swapParam === "string" ? adjustments.find((a) => a.id === swapParam) : undefined;
  const swapTargets = cancellable ? await swapTargetsOf(db, detail) : [];

  return (
    <article className="space-y-5">
      <BackLink href="/bookings">My bookings</BackLink>
      <h1 className="text-2xl font-bold">{detail.movie.title}</h1>
      <p className="text-zinc-200" data-testid="booking-show" data-show-id={detail.show.id}>
        {formatDateTime(detail.show.startsAt, tz)} · {detail.screen.name} · {detail.theater.name}
      </p>
      <ShowTagChips tags={detail.show.tags} />
      <p className="text-sm text-zinc-300">
        Booking <span className="font-mono font-semibold" data-testid="booking-reference">{formatBookingReference(detail.order.reference)}</span> · {formatMoney(detail.order.totalAmount, detail.order.currency)} ·{" "}
        <span data-testid="order-status" className="font-semibold capitalize">{detail.order.status}</span>
      </p>
      {shownSwap && <SwapNotice status={shownSwap.status} failReason={shownSwap.failReason} />}
      {detail.order.status === "paid" ? (
        <>
          <div className="flex flex-wrap gap-3">
            <a href={`/api/bookings/${detail.order.id}/pdf`} className="rounded-lg bg-gold px-4 py-2 font-semibold text-ink">
              Download PDF tickets
            </a>
            <a href={`/api/bookings/${detail.order.id}/ics`} className="rounded-lg border border-line px-4 py-2">
              Add to calendar
            </a>
          </div>
          <TicketList items={ticketsWithCodes(detail)} currency={detail.order.currency} />
          <OrderReceipt order={detail.order} seats={detail.seats} />
          {cancellable ? (
            <>
              <section aria-labelledby="swap" className="space-y-2 rounded-xl border border-line p-4">
                <h2 id="swap" className="font-semibold">Change showtime</h2>
                {pendingSwap ? (
                  <>
                    <p className="text-sm text-zinc-300">A change of this booking is waiting for its payment. Until it is paid, your tickets below stand.</p>
                    <CancelBookingForm orderId={detail.order.id} action={cancelSwapAction} labels={{ idle: "Give up the change", busy: "Giving up…", done: "Change given up; your booking is as it was.", confirm: "Give up the change?" }} />
                  </>
                ) : swapTargets.length ? (
                  <>
                    <p className="text-sm text-zinc-300">Move your {detail.seats.length === 1 ? "seat" : `${detail.seats.length} seats`} to another showtime until {formatDateTime(deadline, tz)}; you pay or get back the difference.</p>
                    <ul className="flex flex-wrap gap-2">
                      {swapTargets.map((s) => (
                        <li key={s.id}>
                          <a href={`/bookings/${detail.order.id}/swap/${s.id}`} className="block min-h-11 rounded-md border border-line bg-ink px-3 py-2 hover:border-gold">
                            {s.title !== detail.movie.title && <span className="block text-xs text-zinc-300">{s.title}</span>}
                            <span className="block font-semibold">{formatDateTime(s.startsAt, tz)}</span>
                            <span className="block text-xs text-zinc-300">{s.screenName}</span>
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p className="text-sm text-zinc-300">There is no other showtime to move to.</p>
                )}
              </section>
              <section aria-labelledby="cancel" className="space-y-2 rounded-xl border border-line p-4">
                <h2 id="cancel" className="font-semibold">Can&apos;t make it?</h2>
                <p className="text-sm text-zinc-300">You can cancel for a full refund until {formatDateTime(deadline, tz)}.</p>
                <CancelBookingForm orderId={detail.order.id} action={cancelBookingAction} />
                {detail.seats.length > 1 && (
                  <details className="pt-2">
                    <summary className="min-h-11 cursor-pointer py-2">Cancel only some seats</summary>
                    <CancelSeatsForm
                      orderId={detail.order.id}
                      action={cancelSeatsAction}
                      seats={detail.seats.map((s) => ({ seatId: s.seatId, label: seatLabel(s.rowLabel, s.seatNumber), price: formatMoney(s.amount, detail.order.currency) }))}
                    />
                  </details>
                )}
              </section>
            </>
          ) : (
            <p className="text-sm text-zinc-300">Online cancellation closed at {formatDateTime(deadline, tz)}.</p>
          )}
        </>
      ) : (
        <p className="rounded-xl border border-line bg-panel p-4">
          {detail.order.status === "refunded" ? refundExplanation(detail.order.refundReason) : "This checkout was not paid: no payment was taken."}
        </p>
      )}
    </article>
  );
}

/** Shows this booking may move to: later or earlier showtimes of the same movie (any movie when the theater allows), in the same theater. */
async function swapTargetsOf(db: Db, detail: OrderDetail) {
  const rows = await upcomingShows(db, detail.theater.swapAnyMovie ? {} : { movieId: detail.movie.id });
  return rows
    .filter((r) => r.show.id !== detail.show.id && r.theaterId === detail.theater.id)
    .slice(0, 30)
    .map((r) => ({ id: r.show.id, startsAt: r.show.startsAt, screenName: r.screenName, title: r.movieTitle }));
}

const SWAP_FAILED: Record<string, string> = {
  seat_conflict: "Someone else booked those seats first, so your booking stays as it was; any difference you paid is refunded.",
  order_changed: "Your booking changed meanwhile, so it stays as it was; any difference you paid is refunded.",
  show_cancelled: "That show was cancelled, so your booking stays as it was; any difference you paid is refunded.",
};

function SwapNotice({ status, failReason }: { status: string; failReason: string | null }) {
  const text =
    status === "completed"
      ? "Your booking has moved. Your new tickets are below and on their way by email; the old ones no longer work."
      : status === "pending"
        ? "Waiting for the payment of the difference. Your tickets below stand until it is paid."
        : status === "failed"
          ? (SWAP_FAILED[failReason ?? ""] ?? SWAP_FAILED.order_changed)
          : "The change was not paid, so your booking stays as it was and nothing was charged.";
  return (
    <p role="status" data-testid="swap-status" className="rounded-xl border border-line bg-panel p-4">
      {text}
    </p>
  );
}

import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { cancellationDeadline } from "@/lib/booking/cancel-booking";
import { refundExplanation } from "@/lib/booking/refund-explanation";
import { ticketsWithCodes } from "@/lib/booking/ticket-bundle";
import { viewableOrder } from "@/lib/booking/viewable-order";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { formatBookingReference } from "@/lib/booking-reference";
import { formatDateTime } from "@/lib/time";
import { TicketList } from "@/components/ticket-list";
import { OrderReceipt } from "@/components/order-receipt";
import { CancelBookingForm } from "@/components/cancel-booking-form";
import { cancelBookingAction } from "../actions";
import { BackLink } from "@/components/back-link";

export const metadata = { title: "Booking" };

export default async function BookingPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  if (!(await currentUser())) redirect(`/sign-in?next=${encodeURIComponent(`/bookings/${orderId}`)}`);
  let found;
  try {
    found = await viewableOrder(orderId);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  const { detail, user } = found;
  const tz = detail.theater.timeZone;
  const deadline = cancellationDeadline(detail.show.startsAt);
  const cancellable = detail.order.status === "paid" && new Date() < deadline && detail.order.userId === user.id;

  return (
    <article className="space-y-5">
      <BackLink href="/bookings">My bookings</BackLink>
      <h1 className="text-2xl font-bold">{detail.movie.title}</h1>
      <p className="text-zinc-200">
        {formatDateTime(detail.show.startsAt, tz)} · {detail.screen.name} · {detail.theater.name}
      </p>
      <p className="text-sm text-zinc-300">
        Booking <span className="font-mono font-semibold" data-testid="booking-reference">{formatBookingReference(detail.order.reference)}</span> · {formatMoney(detail.order.totalAmount, detail.order.currency)} ·{" "}
        <span data-testid="order-status" className="font-semibold capitalize">{detail.order.status}</span>
      </p>
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
            <section aria-labelledby="cancel" className="space-y-2 rounded-xl border border-line p-4">
              <h2 id="cancel" className="font-semibold">Can&apos;t make it?</h2>
              <p className="text-sm text-zinc-300">You can cancel for a full refund until {formatDateTime(deadline, tz)}.</p>
              <CancelBookingForm orderId={detail.order.id} action={cancelBookingAction} />
            </section>
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

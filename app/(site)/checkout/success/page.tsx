import Link from "next/link";
import { formatBookingReference } from "@/lib/booking-reference";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { Db } from "@/db/client";
import { adjustmentBySession } from "@/db/queries/adjustments";
import { orderBySession, orderDetail } from "@/db/queries/orders";
import { currentUser } from "@/lib/auth/current-user";
import { canViewOrder } from "@/lib/booking/order-access";
import { refundExplanation } from "@/lib/booking/refund-explanation";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { ticketsWithCodes } from "@/lib/booking/ticket-bundle";
import { TicketList } from "@/components/ticket-list";
import { formatDateTime } from "@/lib/time";

export const metadata = { title: "Your tickets" };

// Stripe sends the customer here after paying. It runs the same fulfilment as the webhook, so
// a late or lost webhook never leaves a paying customer without tickets.
export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const { session_id: sessionId } = await searchParams;
  if (!sessionId || sessionId.length > 200) notFound();
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/checkout/success?session_id=${sessionId}`)}`);
  const db = await getDb();
  const order = await orderBySession(db, sessionId);
  if (!order) return settleSwap(db, user, sessionId);
  let detail = await orderDetail(db, order.id);
  if (!detail || !canViewOrder(user, detail)) notFound();
  const outcome = await syncOrderWithSession(db, sessionId);
  detail = (await orderDetail(db, order.id))!;
  const tz = detail.theater.timeZone;

  return (
    <div className="space-y-5">
      {detail.order.status === "paid" ? (
        <>
          <h1 className="text-2xl font-bold">You&apos;re going to see {detail.movie.title}</h1>
          <p className="text-zinc-200">
            {formatDateTime(detail.show.startsAt, tz)} · {detail.screen.name} · {detail.theater.name}
          </p>
          <p className="text-sm text-zinc-300">We&apos;ve emailed your tickets (PDF) to {detail.order.email}. Show the QR codes at the door.</p>
          <p>
            Booking reference <span className="font-mono text-lg font-bold">{formatBookingReference(detail.order.reference)}</span>
          </p>
          <TicketList items={ticketsWithCodes(detail)} currency={detail.order.currency} />
          <Link href={`/bookings/${detail.order.id}`} className="inline-block rounded-lg bg-gold px-4 py-2 font-semibold text-ink">
            View booking
          </Link>
        </>
      ) : detail.order.status === "refunded" ? (
        <div role="alert" className="space-y-2 rounded-xl border border-amber-300 bg-panel p-4">
          <h1 className="text-xl font-bold">We couldn&apos;t give you those seats</h1>
          <p>{refundExplanation(detail.order.refundReason)}</p>
          <Link href={`/shows/${detail.show.id}`} className="underline">
            Choose other seats
          </Link>
        </div>
      ) : (
        <div className="space-y-2 rounded-xl border border-line bg-panel p-4">
          <h1 className="text-xl font-bold">{outcome === "awaiting_payment" ? "Waiting for your payment to clear" : "This checkout did not complete"}</h1>
          <p className="text-zinc-200">
            {outcome === "awaiting_payment"
              ? "Your bank has not confirmed the payment yet. We'll email your tickets as soon as it does."
              : "No payment was taken. Your seats have been released."}
          </p>
        </div>
      )}
    </div>
  );
}

/** A swap's difference was paid (issue 21): settled like an order, then the booking shows the result. */
async function settleSwap(db: Db, user: NonNullable<Awaited<ReturnType<typeof currentUser>>>, sessionId: string): Promise<never> {
  const swap = await adjustmentBySession(db, sessionId);
  if (!swap) notFound();
  const detail = await orderDetail(db, swap.orderId);
  if (!detail || !canViewOrder(user, detail)) notFound();
  await syncOrderWithSession(db, sessionId);
  redirect(`/bookings/${swap.orderId}?swap=${swap.id}`);
}

import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { showWithSeats } from "@/db/queries/catalog";
import { readHolderId } from "@/lib/booking/holder";
import { toMapLayout } from "@/lib/booking/map-layout";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";
import { viewableOrderForPage } from "@/lib/booking/viewable-order";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "@/lib/time";
import { SeatLegend, SeatMap } from "@/components/seat-map";
import { BackLink } from "@/components/back-link";
import { holdSeatsAction, releaseSeatsAction } from "@/app/(site)/shows/[showId]/actions";
import { checkoutErrorMessage } from "@/app/(site)/shows/[showId]/checkout-errors";
import { swapContinueAction } from "../../swap-actions";

export const metadata = { title: "Change showtime" };

/** Issue 21: the new show's seat map, for as many seats as the booking has (best available offered). */
export default async function SwapSeatsPage({ params, searchParams }: { params: Promise<{ orderId: string; showId: string }>; searchParams: Promise<{ error?: string }> }) {
  const { orderId, showId } = await params;
  const { error } = await searchParams;
  if (!z.uuid().safeParse(showId).success) notFound();
  const found = await viewableOrderForPage(orderId, `/bookings/${orderId}/swap/${showId}`);
  const { detail: order, user } = found;
  if (order.order.userId !== user.id || order.order.status !== "paid") notFound();
  const db = await getDb();
  const show = await showWithSeats(db, showId);
  if (!show || show.show.status !== "scheduled" || show.show.startsAt <= new Date()) notFound();
  const layout = toMapLayout(show);
  const snapshot = await seatSnapshot(db, showId, await readHolderId());
  const count = order.seats.length;
  const errorMessage = checkoutErrorMessage(error);

  return (
    <div className="space-y-4">
      <BackLink href={`/bookings/${orderId}`}>Your booking</BackLink>
      <h1 className="text-2xl font-bold">Change to {formatDateTime(show.show.startsAt, show.theater.timeZone)}</h1>
      <p className="text-zinc-200">
        {show.movie.title} · {show.screen.name}. Choose {count} {count === 1 ? "seat" : "seats"}, as many as your booking has (
        {formatMoney(order.order.totalAmount, order.order.currency)} paid). Best available picks them for you; you see the difference before anything changes.
      </p>
      {errorMessage && (
        <p role="alert" className="rounded-lg border border-red-400 bg-red-400/10 p-3 text-red-100">
          {errorMessage}
        </p>
      )}
      <SeatMap
        layout={layout}
        initial={snapshot}
        maxSeats={count}
        exactSeats={count}
        hold={holdSeatsAction}
        release={releaseSeatsAction}
        checkout={swapContinueAction.bind(null, orderId)}
        legend={<SeatLegend layout={layout} />}
      />
    </div>
  );
}

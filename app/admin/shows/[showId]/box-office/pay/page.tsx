import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { counterBasket } from "@/lib/booking/box-office-sale";
import { readHolderId } from "@/lib/booking/holder";
import { seatLabel } from "@/lib/booking/seat-label";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "@/lib/time";
import { BackLink } from "@/components/back-link";
import { CounterPaymentForm } from "@/components/admin/box-office/counter-payment-form";
import { HouseSeatsForm } from "@/components/admin/box-office/house-seats-form";
import { reserveHouseSeatsAction, sellAtBoxOfficeAction } from "../actions";

export const metadata = { title: "Box office: payment" };

export default async function BoxOfficePayPage({ params }: { params: Promise<{ showId: string }> }) {
  await requireAdminPage();
  const { showId } = await params;
  if (!z.uuid().safeParse(showId).success) notFound();
  const db = await getDb();
  const venue = await showWithVenue(db, showId);
  if (!venue) notFound();
  const holder = await readHolderId();
  const back = `/admin/shows/${showId}/box-office`;
  let basket: Awaited<ReturnType<typeof counterBasket>> | null = null;
  let problem: string | null = null;
  try {
    basket = holder ? await counterBasket(db, showId, holder) : null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problem = err.message;
  }
  const currency = venue.show.currency;

  return (
    <div className="max-w-xl space-y-6">
      <div>
        <BackLink href={back}>Seat map</BackLink>
        <h1 className="text-2xl font-bold">Take payment</h1>
        <p className="text-zinc-200">
          {venue.movie.title} · {formatDateTime(venue.show.startsAt, venue.theater.timeZone)} · {venue.screen.name}
        </p>
      </div>
      {problem || !basket?.lines.length ? (
        <p role="status" className="rounded-lg border border-line bg-panel p-3">
          {problem ?? "No seats are held at this counter (a hold lasts a few minutes)."}{" "}
          <a href={back} className="text-gold underline">
            Choose seats
          </a>
        </p>
      ) : (
        <>
          <section aria-labelledby="basket-title" className="rounded-xl border border-line bg-panel p-4">
            <h2 id="basket-title" className="text-lg font-semibold">
              Seats
            </h2>
            <ul className="mt-2 divide-y divide-line" data-testid="counter-basket">
              {basket.lines.map((l) => (
                <li key={l.seat.id} className="flex justify-between py-2">
                  <span>
                    {seatLabel(l.seat.rowLabel, l.seat.number)} <span className="text-sm text-zinc-300">({l.seat.tier})</span>
                  </span>
                  <span className="tabular-nums">{formatMoney(l.amount, currency)}</span>
                </li>
              ))}
            </ul>
            <p className="mt-2 flex justify-between border-t border-line pt-2 text-lg font-bold">
              <span>Total</span>
              <span className="tabular-nums" data-testid="counter-total">
                {formatMoney(basket.total, currency)}
              </span>
            </p>
          </section>
          <CounterPaymentForm showId={showId} total={formatMoney(basket.total, currency)} sell={sellAtBoxOfficeAction} />
          <HouseSeatsForm showId={showId} count={basket.lines.length} reserve={reserveHouseSeatsAction} done={back} />
        </>
      )}
    </div>
  );
}

import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { managesTheater } from "@/lib/auth/theater-scope";
import { counterBasket } from "@/lib/booking/box-office-sale";
import { ticketTypesOfTheater } from "@/db/queries/pricing";
import { readHolderId } from "@/lib/booking/holder";
import { seatLabel } from "@/lib/booking/seat-label";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { receiptOf, receiptRows } from "@/lib/pricing/receipt";
import { formatDateTime } from "@/lib/time";
import { BackLink } from "@/components/back-link";
import { CounterPaymentForm } from "@/components/admin/box-office/counter-payment-form";
import { HouseSeatsForm } from "@/components/admin/box-office/house-seats-form";
import { reserveHouseSeatsAction, sellAtBoxOfficeAction } from "../actions";

export const metadata = { title: "Box office: payment" };

export default async function BoxOfficePayPage({ params, searchParams }: { params: Promise<{ showId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdminPage();
  const { showId } = await params;
  if (!z.uuid().safeParse(showId).success) notFound();
  const db = await getDb();
  const venue = await showWithVenue(db, showId);
  if (!venue || !managesTheater(actor, venue.theater.id)) notFound();
  const holder = await readHolderId();
  const back = `/admin/shows/${showId}/box-office`;
  let basket: Awaited<ReturnType<typeof counterBasket>> | null = null;
  let problem: string | null = null;
  try {
    // The type picker below is a GET form: each seat's select is named by the seat id.
    const query = await searchParams;
    const types = Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === "string" && /^[\w-]{1,80}$/.test(e[0]) && /^[\w-]{1,80}$/.test(e[1])));
    basket = holder ? await counterBasket(db, showId, holder, types) : null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problem = err.message;
  }
  const currency = venue.show.currency;
  const priced = basket?.priced ?? null;
  const typeOptions = priced ? await ticketTypesOfTheater(db, venue.theater.id) : [];
  const seatOf = new Map((basket?.seats ?? []).map((s) => [s.id, s]));
  const chosenTypes = priced ? priced.lines.map((l) => `${l.seatId}:${l.ticketTypeId}`).join(",") : "";

  return (
    <div className="max-w-xl space-y-6">
      <div>
        <BackLink href={back}>Seat map</BackLink>
        <h1 className="text-2xl font-bold">Take payment</h1>
        <p className="text-zinc-200">
          {venue.movie.title} · {formatDateTime(venue.show.startsAt, venue.theater.timeZone)} · {venue.screen.name}
        </p>
      </div>
      {problem || !priced?.lines.length ? (
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
            <form method="get" className="mt-2">
              <ul className="divide-y divide-line" data-testid="counter-basket">
                {priced.lines.map((l) => {
                  const seat = seatOf.get(l.seatId)!;
                  const label = seatLabel(seat.rowLabel, seat.number);
                  return (
                    <li key={l.seatId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span>
                        {label} <span className="text-sm text-zinc-300">({l.tier})</span>
                      </span>
                      <select name={l.seatId} defaultValue={l.ticketTypeId} aria-label={`Ticket type for ${label}`} className="min-h-11 rounded-md border border-line bg-ink px-2 text-white">
                        {typeOptions.filter((t) => priced.lines.some((x) => x.ticketTypeId === t.id) || !t.retiredAt).map((t) => (
                          <option key={t.id} value={t.id}>
                            {t.name}
                          </option>
                        ))}
                      </select>
                      <span className="tabular-nums">{formatMoney(l.amount, currency)}</span>
                    </li>
                  );
                })}
              </ul>
              <button className="mt-2 min-h-11 rounded-lg border border-line px-3">Update prices</button>
            </form>
            {/* Fees and tax as the receipt words them; the seats are listed above, the total below. */}
            {receiptRows(receiptOf({ ...priced, promoCode: null }), (minor) => formatMoney(minor, currency))
              .slice(receiptOf({ ...priced, promoCode: null }).tickets.length)
              .filter((r) => r.label !== "Total")
              .map((r) => (
              <p key={r.label} className="flex justify-between text-sm text-zinc-200">
                <span>{r.label}</span>
                <span className="tabular-nums">{r.amount}</span>
              </p>
            ))}
            <p className="mt-2 flex justify-between border-t border-line pt-2 text-lg font-bold">
              <span>Total</span>
              <span className="tabular-nums" data-testid="counter-total">
                {formatMoney(priced.total, currency)}
              </span>
            </p>
          </section>
          <CounterPaymentForm showId={showId} types={chosenTypes} total={formatMoney(priced.total, currency)} sell={sellAtBoxOfficeAction} />
          <HouseSeatsForm showId={showId} count={priced.lines.length} reserve={reserveHouseSeatsAction} done={back} />
        </>
      )}
    </div>
  );
}

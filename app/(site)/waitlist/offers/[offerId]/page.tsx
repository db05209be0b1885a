import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { showWithSeats } from "@/db/queries/catalog";
import { offerById } from "@/db/queries/waitlist";
import { currentUser } from "@/lib/auth/current-user";
import { seatLabel } from "@/lib/booking/seat-label";
import { messageForErrorParam } from "@/lib/errors";
import { formatDateTime, formatTimeWithZone } from "@/lib/time";
import { BackLink } from "@/components/back-link";
import { OfferCountdown } from "@/components/offer-countdown";
import { declineOfferAction, takeOfferAction } from "./actions";

export const metadata = { title: "Seats held for you" };

const ERRORS = {
  gone: "This offer has ended, and the seats have gone to the next person waiting.",
  conflict: "Sorry, those seats were taken at the last moment.",
  rate_limited: "Too many attempts in a short time. Please wait a few minutes.",
  unavailable: "Checkout is paused for a moment. Please try again shortly.",
  internal: "Something went wrong on our side. Please try again.",
};

/** Issue 21: the link in a waitlist offer email. Shows the held seats and their countdown; changes nothing. */
export default async function WaitlistOfferPage({ params, searchParams }: { params: Promise<{ offerId: string }>; searchParams: Promise<{ error?: string }> }) {
  const { offerId } = await params;
  const { error } = await searchParams;
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/waitlist/offers/${offerId}`)}`);
  if (!z.uuid().safeParse(offerId).success) notFound();
  const db = await getDb();
  const found = await offerById(db, offerId);
  if (!found || found.userId !== user.id) notFound();
  const { offer } = found;
  const show = (await showWithSeats(db, offer.showId))!;
  const tz = show.theater.timeZone;
  const labels = show.seats.filter((s) => offer.seatIds.includes(s.id)).map((s) => seatLabel(s.rowLabel, s.number));
  const open = offer.status === "open" && offer.expiresAt > new Date();
  const message = messageForErrorParam(error, ERRORS);

  return (
    <div className="space-y-4">
      <BackLink href={`/shows/${offer.showId}`}>{show.movie.title}</BackLink>
      <h1 className="text-2xl font-bold">{open ? "Seats held for you" : "This offer has ended"}</h1>
      <p className="text-zinc-200">
        {show.movie.title} · {formatDateTime(show.show.startsAt, tz)} · {show.screen.name} · {show.theater.name}
      </p>
      <p data-testid="offer-seats" className="rounded-xl border border-line bg-panel p-4 font-semibold">
        {labels.join("; ")}
        {!offer.together && <span className="block text-sm font-normal text-zinc-300">Not all together: you said seats apart were fine.</span>}
      </p>
      {message && (
        <p role="alert" className="rounded-lg border border-red-400 bg-red-400/10 p-3 text-red-100">
          {message}
        </p>
      )}
      {open ? (
        <>
          <p>
            Held until {formatTimeWithZone(offer.expiresAt, tz)}: <OfferCountdown expiresAt={offer.expiresAt.getTime()} />
          </p>
          <div className="flex flex-wrap gap-3">
            <form action={takeOfferAction}>
              <input type="hidden" name="offerId" value={offer.id} />
              <button className="min-h-11 rounded-lg bg-gold px-5 py-2 font-semibold text-ink">Take these seats</button>
            </form>
            <form action={declineOfferAction}>
              <input type="hidden" name="offerId" value={offer.id} />
              <button className="min-h-11 rounded-lg border border-line px-5 py-2">No thanks, pass them on</button>
            </form>
          </div>
        </>
      ) : (
        <p className="text-zinc-300">
          {offer.status === "taken" ? "You took these seats; see My bookings once paid." : "The seats went to the next person waiting, or back on sale."}
        </p>
      )}
    </div>
  );
}

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { showWithSeats } from "@/db/queries/catalog";
import { readHolderId } from "@/lib/booking/holder";
import { toMapLayout } from "@/lib/booking/map-layout";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";
import { currentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { SEAT_SELECTION_PAUSED } from "@/lib/redis/unavailable";
import { waitlistStatus, type WaitlistStatus } from "@/lib/booking/waitlist/entries";
import { formatDateTime } from "@/lib/time";
import { SeatLegend, SeatMap } from "@/components/seat-map";
import { seatIdsFrom } from "@/lib/seat-map/continue-path";
import { StaticSeatPlan } from "@/components/static-seat-plan";
import { LazyWaitlistPanel } from "@/components/lazy-waitlist-panel";
import { checkPromoAction, holdSeatsAction, releaseSeatsAction } from "./actions";
import { showPricing } from "@/lib/booking/show-pricing";
import { checkoutAction } from "./checkout-action";
import { checkoutErrorMessage } from "./checkout-errors";
import { joinWaitlistAction, leaveWaitlistAction } from "./waitlist-actions";
import { BackLink } from "@/components/back-link";
import { RatingNotice } from "@/components/rating-notice";
import { isRated } from "@/lib/catalog/id-notice";
import { ShowTagChips } from "@/components/show-tag-chips";
import { mayEnter } from "@/lib/booking/admission-guard";
import { waitingRoomPath } from "@/lib/waiting-room/messages";

export async function generateMetadata({ params }: { params: Promise<{ showId: string }> }) {
  const { showId } = await params;
  const detail = z.uuid().safeParse(showId).success ? await showWithSeats(await getDb(), showId) : null;
  return { title: detail ? `${detail.movie.title} — choose seats` : "Show not found" };
}

export default async function ShowPage({ params, searchParams }: { params: Promise<{ showId: string }>; searchParams: Promise<{ error?: string; reason?: string; cancelled?: string; resume?: string }> }) {
  const { showId } = await params;
  const { error, reason, cancelled, resume } = await searchParams;
  if (!z.uuid().safeParse(showId).success) notFound();
  const errorMessage = checkoutErrorMessage(error, reason);
  const db = await getDb();
  const detail = await showWithSeats(db, showId);
  if (!detail) notFound();
  const holder = await readHolderId();
  // A high-demand on-sale: the seat map is for visitors the line has let in.
  if (!(await mayEnter(db, showId, holder))) redirect(waitingRoomPath(showId));
  const layout = toMapLayout(detail);
  const pricing = await showPricing(db, showId);
  // A tier sold at more than one price (Adult, Child …) shows its lowest: "from $9.00".
  const fromTiers = pricing ? Object.entries(pricing.prices).filter(([, byType]) => new Set(Object.values(byType)).size > 1).map(([tier]) => tier) : [];
  const snapshot = await seatSnapshot(db, showId, holder);
  const sold = new Set(Object.entries(snapshot.states).filter(([, s]) => s === "sold").map(([id]) => id));
  const tz = detail.theater.timeZone;
  const bookable = detail.show.status === "scheduled" && detail.show.startsAt > new Date();
  // Sold out for this viewer: every seat sold or held by someone else (their own holds are theirs).
  const soldOut = layout.seats.every((s) => snapshot.states[s.id] === "sold" || snapshot.states[s.id] === "held");
  const user = bookable ? await currentUser() : null;
  const waitlist: WaitlistStatus = user ? await waitlistStatus(db, showId, user.id) : { state: "none" };

  return (
    <div className="space-y-4">
      <div>
        <BackLink href={`/movies/${detail.movie.slug}`}>{detail.movie.title}</BackLink>
        <h1 className="text-2xl font-bold">{detail.movie.title}</h1>
        <p className="text-zinc-200">
          <time dateTime={detail.show.startsAt.toISOString()}>{formatDateTime(detail.show.startsAt, tz)}</time> · {detail.screen.name} · {detail.theater.name}
          {isRated(detail.movie.rating) ? <> · Rated {detail.movie.rating}</> : null}
        </p>
        <ShowTagChips tags={detail.show.tags} />
      </div>
      {bookable && <RatingNotice rating={detail.movie.rating} theater={detail.theater} />}
      {errorMessage && (
        <p role="alert" className="rounded-lg border border-red-400 bg-red-400/10 p-3 text-red-100">
          {errorMessage}
        </p>
      )}
      {snapshot.paused && <p role="status" className="rounded-lg border border-amber-400 bg-amber-400/10 p-3 text-amber-100">{SEAT_SELECTION_PAUSED}</p>}
      {cancelled && <p role="status" className="rounded-lg border border-line bg-panel p-3">Checkout cancelled. No payment was taken.</p>}
      {bookable && (soldOut || waitlist.state === "waiting") && (
        <LazyWaitlistPanel
          showId={showId}
          soldOut={soldOut}
          signedIn={Boolean(user)}
          email={user?.email || null}
          initial={waitlist}
          timeZone={tz}
          join={joinWaitlistAction}
          leave={leaveWaitlistAction}
          maxParty={env().MAX_SEATS_PER_ORDER}
          tiers={layout.tiers.map((t) => t.name)}
        />
      )}
      {bookable ? (
        <SeatMap
          layout={layout}
          initial={snapshot}
          maxSeats={env().MAX_SEATS_PER_ORDER}
          hold={holdSeatsAction}
          release={releaseSeatsAction}
          checkout={checkoutAction}
          legend={<SeatLegend layout={layout} fromTiers={fromTiers} />}
          pricing={pricing ?? undefined}
          checkPromo={checkPromoAction}
          resume={seatIdsFrom(typeof resume === "string" ? resume : null)}
        />
      ) : (
        <>
          <p className="rounded-lg border border-line bg-panel p-3">
            {detail.show.status === "cancelled" ? "This show has been cancelled." : "This show has started; tickets are no longer sold online."}
          </p>
          <StaticSeatPlan layout={layout} sold={sold} />
        </>
      )}
    </div>
  );
}

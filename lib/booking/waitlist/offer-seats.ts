import "server-only";
import type { Db } from "@/db/client";
import { activeSeatsOfScreen, soldSeatIdsOfShow } from "@/db/queries/show-seats";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { claimWaitingEntry, closeOpenOffer, expiredOpenOffers, insertWaitlistOffer, showsWithWaitingParties, waitingParties } from "@/db/queries/waitlist";
import { configuredAppUrl } from "@/lib/app-url";
import { kickOutbox } from "@/lib/email/kick";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { getSeatLocks } from "@/lib/seat-locks";
import { findBlock } from "@/lib/seat-map/find-block";
import { formatDateTime, formatTimeWithZone } from "@/lib/time";
import { seatLabel } from "../seat-label";

export type OfferMade = { offerId: string; entryId: string; seatIds: string[] };

// A seated waitlist (issue 21). Whenever seats may have come back to a show, the parties waiting
// for it are taken in join order; the first one a free block fits (./find-block.ts rules) gets
// that block HELD in the lock store under a holder id of its own, an offer row and an email with
// a link and a countdown. Exactly-once across instances rests on two guards:
// - the seats: the hold is SET NX, all or nothing, so two instances can never hold one seat;
//   the loser of a race counts those seats as taken and looks again;
// - the party: its entry row is claimed FOR UPDATE SKIP LOCKED where it is still waiting, in the
//   transaction that records the offer, so one party gets one offer; a loser lets its hold go.

// Offers are made by Marquee itself, not by a person: the audit log names it so.
const WAITLIST_ACTOR = { id: "system:waitlist", email: "waitlist@marquee" };

const offerHolder = () => `waitlist_${crypto.randomUUID().replace(/-/g, "")}`;

/** Offers what is free now in a show to the parties that fit; returns the offers made. */
export async function offerFreedSeats(db: Db, showId: string, now = new Date()): Promise<OfferMade[]> {
  const parties = await waitingParties(db, showId);
  if (!parties.length) return [];
  const venue = await showWithVenue(db, showId);
  if (!venue || venue.show.status !== "scheduled" || venue.show.startsAt <= now) return [];
  const seatRows = await activeSeatsOfScreen(db, venue.screen.id);
  const seats = seatRows.map((s) => ({ id: s.id, row: s.rowLabel, number: s.number, x: s.x, y: s.y, kind: s.kind, tier: s.tier }));
  const tiers = venue.screen.tiers.filter((t) => venue.show.prices[t] !== undefined).map((name) => ({ name, price: venue.show.prices[name] }));
  const onSale = seats.filter((s) => venue.show.prices[s.tier] !== undefined);
  const [sold, holders] = await Promise.all([soldSeatIdsOfShow(db, showId), getSeatLocks().holders(showId, seats.map((s) => s.id))]);
  const taken = new Set([...sold, ...holders.keys()]);
  // A full house (the sweep's usual case) is answered without searching for anyone.
  const smallest = Math.min(...parties.map((p) => p.partySize));
  if (onSale.filter((s) => !taken.has(s.id)).length < smallest) return [];

  const minutes = env().WAITLIST_OFFER_MINUTES;
  const made: OfferMade[] = [];
  for (const party of parties) {
    // A few tries: each lost race marks the seats someone else just took.
    for (let attempt = 0; attempt < 5; attempt++) {
      const block = findBlock({ seats: onSale, tiers, taken, size: party.partySize, tier: party.tier, acceptApart: party.acceptApart });
      if (!block) break;
      const holder = offerHolder();
      const expiresAt = new Date(now.getTime() + minutes * 60_000);
      const held = await getSeatLocks().hold(showId, block.seatIds, holder, minutes * 60_000);
      if (!held.ok) {
        for (const id of held.taken) taken.add(id);
        continue;
      }
      const labels = seatRows.filter((s) => block.seatIds.includes(s.id)).map((s) => seatLabel(s.rowLabel, s.number));
      const offerId = crypto.randomUUID();
      const email = await renderEmail("waitlist-offer", {
        customerName: party.name,
        movieTitle: venue.movie.title,
        theaterName: venue.theater.name,
        screenName: venue.screen.name,
        startsAt: formatDateTime(venue.show.startsAt, venue.theater.timeZone),
        seats: labels,
        together: block.together,
        heldUntil: formatTimeWithZone(expiresAt, venue.theater.timeZone),
        minutes,
        offerUrl: `${configuredAppUrl()}/waitlist/offers/${offerId}`,
      });
      const recorded = await db.transaction(async (tx) => {
        if (!(await claimWaitingEntry(tx, party.id))) return false;
        await insertWaitlistOffer(tx, { id: offerId, showId, entryId: party.id, seatIds: block.seatIds, together: block.together, holderId: holder, expiresAt }, now);
        await enqueueEmail(tx, {
          dedupeKey: `waitlist-offer:${offerId}`,
          template: "waitlist-offer",
          to: party.email!,
          subject: email.subject,
          html: email.html,
          text: email.text,
          payload: { showId, offerId },
        });
        await recordAudit(tx, WAITLIST_ACTOR, "waitlist.offer", { type: "show", id: showId }, { offerId, to: party.email, seats: labels, together: block.together });
        return true;
      });
      if (!recorded) {
        // Another instance is offering to this party right now: its seats are not ours to keep.
        await getSeatLocks().release(showId, block.seatIds, holder);
        break;
      }
      for (const id of block.seatIds) taken.add(id);
      made.push({ offerId, entryId: party.id, seatIds: block.seatIds });
      metrics().waitlistOffers.inc();
      log.info({ showId, offerId, seats: block.seatIds.length, together: block.together }, "waitlist offer made");
      break;
    }
  }
  if (made.length) kickOutbox();
  return made;
}

/**
 * For the booking code after seats came back (a refund, a cancellation, a swap, a checkout that
 * closed): a waitlist failure is logged, never allowed to fail what freed the seats.
 */
export async function offerFreedSeatsSafely(db: Db, showId: string): Promise<void> {
  await offerFreedSeats(db, showId).catch((err) => log.error({ err, showId }, "waitlist offer failed"));
}

/** An open offer ends (declined, or its time ran out): its hold goes, and the seats go to the next party. */
export async function endOffer(db: Db, offerId: string, status: "declined" | "expired", now = new Date()): Promise<boolean> {
  const closed = await closeOpenOffer(db, offerId, status, now);
  if (!closed) return false;
  await getSeatLocks()
    .release(closed.showId, closed.seatIds, closed.holderId)
    .catch((err) => log.warn({ err, offerId }, "could not release an offer's hold; it expires by itself"));
  await offerFreedSeatsSafely(db, closed.showId);
  return true;
}

/**
 * The periodic sweep, on every instance (instrumentation.ts) and in /api/cron. It notices seats
 * that came back without any event: a customer's hold that simply ran out by TTL leaves no row
 * anywhere, and keyspace notifications are not available on every backend (Upstash, memory), so
 * instead each show with a party waiting is looked at afresh — sold from Postgres, held from one
 * MGET over the show's lock keys — and whatever fits is offered. Expired offers are ended first.
 * Running it on two instances at once is safe for the reasons at the top of this file.
 */
export async function sweepWaitlists(db: Db, now = new Date()): Promise<{ expired: number; offered: number }> {
  let expired = 0;
  for (const offer of await expiredOpenOffers(db, now)) if (await endOffer(db, offer.id, "expired", now)) expired++;
  let offered = 0;
  for (const showId of await showsWithWaitingParties(db, now)) offered += (await offerFreedSeats(db, showId, now)).length;
  return { expired, offered };
}

import "server-only";
import type { Db } from "@/db/client";
import { activeSeatsOfScreen, showById, unavailableSeatIdsOfShow } from "@/db/queries/show-seats";
import { futureShowIdsOfScreen } from "@/db/queries/shows";
import { log } from "@/lib/log";
import { getSeatLocks } from "@/lib/seat-locks";
import type { ShowFacts } from "@/lib/seat-locks";
import { priceOfTier } from "./on-sale";
import { seatLabel } from "./seat-label";

// What a hold needs from Postgres, kept in the lock store so a hold is one Redis round trip (issue
// 22). Whoever changes one of these facts in Postgres calls ONE function here after committing:
// fulfilment and house seats markSeatsSold, a refund, cancellation, swap or house-seat release
// unmarkSeatsSold, a show change
// refreshShowFacts, a layout save forgetFactsOfScreen. Missing facts are rebuilt by the next hold.
// Postgres stays the final guard (the unique live-seat index at fulfilment): facts that are stale
// can refuse a hold, or let through one that fulfilment then refunds, never sell a seat twice.

/** Facts outlive the show's start by this, so a late poll still finds them; then they go. */
const KEEP_AFTER_START_MS = 60 * 60_000;

export async function showFactsFromDb(db: Db, showId: string): Promise<ShowFacts | null> {
  const show = await showById(db, showId);
  if (!show) return null;
  // "Sold" to a hold means unavailable: sold, or kept by the house (house seats).
  const [seats, sold] = await Promise.all([activeSeatsOfScreen(db, show.screenId), unavailableSeatIdsOfShow(db, showId)]);
  return {
    cancelled: show.status === "cancelled",
    startsAt: show.startsAt.getTime(),
    // In the layout's order (rows top to bottom, seats left to right): a hold answers in it.
    seats: [...seats].sort((a, b) => a.y - b.y || a.x - b.x).map((s) => ({ id: s.id, tier: s.tier, label: seatLabel(s.rowLabel, s.number), onSale: priceOfTier(show.prices, s.tier) !== null })),
    sold,
    waitingRoom: show.waitingRoomFrom && show.admissionPerMinute ? { from: show.waitingRoomFrom.getTime(), perMinute: show.admissionPerMinute } : null,
  };
}

/** Reads the show's facts from Postgres and stores them whole; false when there is no such show. */
export async function refreshShowFacts(db: Db, showId: string): Promise<boolean> {
  const facts = await showFactsFromDb(db, showId);
  if (!facts) {
    await getSeatLocks().dropShowFacts(showId);
    return false;
  }
  const ttl = Math.max(60_000, facts.startsAt + KEEP_AFTER_START_MS - Date.now());
  await getSeatLocks().putShowFacts(showId, facts, ttl);
  return true;
}

/** After fulfilment commits tickets. A failure is logged: fulfilment stays the guard. */
export async function markSeatsSold(showId: string, seatIds: string[]): Promise<void> {
  await getSeatLocks()
    .markSold(showId, seatIds, true)
    .catch((err) => log.warn({ err, showId }, "could not mark seats sold in the show facts; Postgres still refuses a second sale"));
}

/** After tickets are voided (refund, cancellation): the seats can be held again. */
export async function unmarkSeatsSold(showId: string, seatIds: string[]): Promise<void> {
  await getSeatLocks()
    .markSold(showId, seatIds, false)
    .catch(async (err) => {
      log.warn({ err, showId }, "could not put seats back on sale in the show facts; dropping them to be rebuilt");
      await getSeatLocks().dropShowFacts(showId).catch(() => {});
    });
}

/** After a show changes (cancelled, re-priced, waiting room set): its facts are read again. */
export async function showChanged(db: Db, showId: string): Promise<void> {
  await refreshShowFacts(db, showId).catch(async (err) => {
    log.warn({ err, showId }, "could not refresh the show facts; dropping them to be rebuilt");
    await getSeatLocks().dropShowFacts(showId).catch(() => {});
  });
}

/** After a layout save: every coming show on the screen has new seats; their facts are dropped and rebuilt on the next hold. */
export async function forgetFactsOfScreen(db: Db, screenId: string): Promise<void> {
  const ids = await futureShowIdsOfScreen(db, screenId);
  await Promise.all(ids.map((id) => getSeatLocks().dropShowFacts(id).catch((err) => log.warn({ err, showId: id }, "could not drop show facts after a layout save"))));
}

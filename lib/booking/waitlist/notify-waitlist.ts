import "server-only";
import type { Db } from "@/db/client";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { markWaitlistNotified, nextWaitingEntries, recordWaitlistRelease, waitingCount } from "@/db/queries/waitlist";
import { configuredAppUrl } from "@/lib/app-url";
import { kickOutbox } from "@/lib/email/kick";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/render";
import { log } from "@/lib/log";
import { formatDateTime } from "@/lib/time";

export type SeatRelease = {
  showId: string;
  /** Names the event that freed the seats, e.g. "order-refunded:<orderId>"; one email run per key. */
  key: string;
  seats: number;
};

/**
 * Seats of a show came back on sale: the first customers waiting, in join order, as many as
 * seats came back, get an email with a link to the showtime. One transaction records the release
 * under its key, marks those entries notified and queues their emails, so a replayed release
 * (same key) emails no one, and an entry already emailed is never picked again. Concurrent
 * releases of one show skip each other's locked entries and reach different people.
 */
export async function notifyWaitlist(db: Db, release: SeatRelease, now = new Date()): Promise<{ notified: number }> {
  if (release.seats <= 0) return { notified: 0 };
  const detail = await showWithVenue(db, release.showId);
  // A cancelled or started show has no seats to offer, whatever was released.
  if (!detail || detail.show.status !== "scheduled" || detail.show.startsAt <= now) return { notified: 0 };

  const releaseRow = { key: release.key, showId: release.showId, seats: release.seats };
  if ((await waitingCount(db, release.showId)) === 0) {
    // Recorded all the same, so the release is spent: someone who joins later is not emailed by a replay of it.
    await recordWaitlistRelease(db, releaseRow);
    return { notified: 0 };
  }

  // Rendered once, before the transaction: the email is the same for everyone it goes to.
  const showUrl = `${configuredAppUrl()}/shows/${release.showId}`;
  const email = await renderEmail("waitlist-seats-available", {
    movieTitle: detail.movie.title,
    theaterName: detail.theater.name,
    screenName: detail.screen.name,
    startsAt: formatDateTime(detail.show.startsAt, detail.theater.timeZone),
    seatsAvailable: release.seats,
    showUrl,
  });

  const notified = await db.transaction(async (tx) => {
    if (!(await recordWaitlistRelease(tx, releaseRow))) return 0;
    const next = await nextWaitingEntries(tx, release.showId, release.seats);
    if (!next.length) return 0;
    for (const entry of next) {
      // Keyed by the entry: one email per time on the list, whatever happens to the release.
      await enqueueEmail(tx, {
        dedupeKey: `waitlist-seats-available:${entry.id}`,
        template: "waitlist-seats-available",
        to: entry.email!,
        subject: email.subject,
        html: email.html,
        text: email.text,
        payload: { showId: release.showId, release: release.key },
      });
    }
    await markWaitlistNotified(tx, release.key, next.map((e) => e.id), now);
    return next.length;
  });
  if (notified) {
    log.info({ showId: release.showId, release: release.key, seats: release.seats, notified }, "waitlist notified");
    kickOutbox();
  }
  return { notified };
}

/**
 * For the booking code after a release has committed: a waitlist failure is logged, never
 * allowed to fail the refund or the closed checkout that freed the seats.
 */
export async function notifyWaitlistSafely(db: Db, release: SeatRelease): Promise<void> {
  await notifyWaitlist(db, release).catch((err) => log.error({ err, ...release }, "waitlist notification failed"));
}

import "server-only";
import { and, asc, count, eq, inArray, isNotNull, isNull, notExists } from "drizzle-orm";
import type { Db } from "@/db/client";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { orders, users, waitlistEntries, waitlistReleases } from "@/db/schema";
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

  const [{ n: waiting }] = await db
    .select({ n: count() })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.showId, release.showId), isNull(waitlistEntries.notifiedAt)));
  if (waiting === 0) {
    // Recorded all the same, so the release is spent: someone who joins later is not emailed by a replay of it.
    await db.insert(waitlistReleases).values({ key: release.key, showId: release.showId, seats: release.seats }).onConflictDoNothing();
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
    const [fresh] = await tx
      .insert(waitlistReleases)
      .values({ key: release.key, showId: release.showId, seats: release.seats })
      .onConflictDoNothing()
      .returning({ key: waitlistReleases.key });
    if (!fresh) return 0;
    const next = await tx
      .select({ id: waitlistEntries.id, email: users.email })
      .from(waitlistEntries)
      .innerJoin(users, eq(users.id, waitlistEntries.userId))
      .where(
        and(
          eq(waitlistEntries.showId, release.showId),
          isNull(waitlistEntries.notifiedAt),
          isNotNull(users.email),
          // Someone who has since bought tickets for this show got what they waited for.
          notExists(
            tx
              .select({ one: orders.id })
              .from(orders)
              .where(and(eq(orders.userId, waitlistEntries.userId), eq(orders.showId, release.showId), eq(orders.status, "paid"))),
          ),
        ),
      )
      .orderBy(asc(waitlistEntries.position))
      .limit(release.seats)
      .for("update", { of: waitlistEntries, skipLocked: true });
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
    await tx
      .update(waitlistEntries)
      .set({ notifiedAt: now, notifiedFor: release.key })
      .where(inArray(waitlistEntries.id, next.map((e) => e.id)));
    await tx.update(waitlistReleases).set({ notified: next.length }).where(eq(waitlistReleases.key, release.key));
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

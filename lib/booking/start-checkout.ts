import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { uniqueViolation } from "@/db/client";
import { orderSeats, orders, shows } from "@/db/schema";
import { pendingOrderOfHolder } from "@/db/queries/orders";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { getPayments } from "@/lib/payments";
import { getSeatLocks } from "@/lib/seat-locks";
import { formatDateTime } from "@/lib/time";
import { heldSelection } from "./held-selection";
import { abandonPendingOrder } from "./lifecycle";
import { lineAmounts } from "./line-amounts";
import { priceBasket } from "./price-basket";
import { seatLabel } from "./seat-label";
import { assertBookable, bookableShow } from "./show-guard";

// Stripe's shortest Checkout Session life; the locks are stretched past it so the seats cannot
// be taken while the customer is still on the payment page.
export const CHECKOUT_MINUTES = 30;
export const LOCK_MARGIN_MS = 5 * 60_000;

export type Customer = { holder: string; userId: string | null; email: string };

/**
 * Starts paying for the seats the customer holds: checks the holds (Redis) and the sales
 * (Postgres), prices from the database, stretches the locks, opens a Checkout Session and records
 * the pending order with it. Returns the URL to send the customer to.
 *
 * One open checkout per customer and show: an earlier one is abandoned first (expired at the
 * provider, or settled if it was paid meanwhile), and the order is inserted under a unique index
 * on (show, holder) for pending orders, together with its session. Of two Continues at once, one
 * inserts; the other expires the session it opened (never shown to anyone) and answers with the
 * winner's. The insert share-locks the show, so a cancellation either sees this order or stops it.
 */
export async function startCheckout(db: Db, showId: string, customer: Customer, baseUrl: string, now = new Date()): Promise<{ orderId: string; url: string }> {
  const show = await bookableShow(db, showId, now);
  const earlier = await pendingOrderOfHolder(db, showId, customer.holder);
  if (earlier && (await abandonPendingOrder(db, earlier, { releaseSeats: false })) === "paid") {
    throw new AppError("conflict", "You have just paid for an earlier checkout of these seats: see My bookings.");
  }

  // Which seats are mine (the holder index), not sold, within the rules.
  const { mine, seatRows } = await heldSelection(db, show, customer.holder);
  const lines = priceBasket(show, seatRows);
  const total = lineAmounts(lines.map((l) => ({ seatId: l.seat.id, amount: l.amount })));
  // A little over the minimum, so clock skew never makes Stripe refuse it.
  const expiresAt = new Date(now.getTime() + CHECKOUT_MINUTES * 60_000 + 30_000);

  if (!(await getSeatLocks().extend(showId, mine, customer.holder, CHECKOUT_MINUTES * 60_000 + LOCK_MARGIN_MS))) {
    throw new AppError("gone", "Your hold ran out before checkout started. Please choose your seats again.");
  }

  const venue = (await showWithVenue(db, showId))!;
  const when = formatDateTime(venue.show.startsAt, venue.theater.timeZone);
  const orderId = crypto.randomUUID();
  const session = await getPayments().createCheckoutSession({
    orderId,
    customerEmail: customer.email,
    currency: show.currency,
    lineItems: lines.map((l) => ({ name: `${venue.movie.title} — ${when} — ${seatLabel(l.seat.rowLabel, l.seat.number)} (${l.seat.tier})`, amount: l.amount })),
    expiresAt,
    successUrl: `${baseUrl}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${baseUrl}/checkout/cancel?order=${orderId}`,
    idempotencyKey: `checkout:${orderId}`,
  });

  try {
    await db.transaction(async (tx) => {
      const [current] = await tx.select().from(shows).where(eq(shows.id, showId)).for("share");
      assertBookable(current, now);
      await tx.insert(orders).values({
        id: orderId,
        userId: customer.userId,
        showId,
        holderId: customer.holder,
        email: customer.email,
        totalAmount: total,
        currency: show.currency,
        expiresAt,
        stripeSessionId: session.id,
      });
      await tx.insert(orderSeats).values(lines.map((l) => ({ orderId, seatId: l.seat.id, rowLabel: l.seat.rowLabel, seatNumber: l.seat.number, tier: l.seat.tier, amount: l.amount })));
    });
  } catch (err) {
    // Nobody has seen this session's URL: expire it so it can never be paid.
    await getPayments()
      .expireSession(session.id)
      .catch((e) => log.warn({ err: e, sessionId: session.id }, "could not expire an unused checkout session; it expires by itself"));
    if (uniqueViolation(err) === "orders_one_pending_per_holder") return concurrentCheckout(db, showId, customer.holder);
    throw err;
  }
  metrics().checkoutsStarted.inc();
  log.info({ orderId, sessionId: session.id }, "checkout session created");
  return { orderId, url: session.url };
}

/** Another Continue of this customer opened a checkout at the same moment: answer with that one. */
async function concurrentCheckout(db: Db, showId: string, holder: string): Promise<{ orderId: string; url: string }> {
  const winner = await pendingOrderOfHolder(db, showId, holder);
  const session = winner?.stripeSessionId ? await getPayments().retrieveSession(winner.stripeSessionId) : null;
  if (!winner || !session?.url || session.status !== "open") {
    throw new AppError("conflict", "Your checkout changed meanwhile. Please press Continue again.");
  }
  return { orderId: winner.id, url: session.url };
}

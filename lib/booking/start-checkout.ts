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
import { assertOnSale } from "./on-sale";
import { fulfil } from "./fulfil";
import { lineDescription } from "@/lib/pricing/line-text";
import { orderMoneyColumns, orderSeatRows, priceBasket } from "./price-basket";
import { redeemPromo } from "./redeem-promo";
import { seatLabel } from "./seat-label";
import { assertBookable, bookableShow } from "./show-guard";

// Stripe's shortest Checkout Session life; the locks are stretched past it so the seats cannot
// be taken while the customer is still on the payment page.
export const CHECKOUT_MINUTES = 30;
export const LOCK_MARGIN_MS = 5 * 60_000;

export type Customer = { holder: string; userId: string | null; email: string };
/** What the customer chose on the summary: a ticket type per seat, a promo code as typed. */
export type CheckoutChoices = { types?: Record<string, string>; promoCode?: string | null; now?: Date };

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
export async function startCheckout(db: Db, showId: string, customer: Customer, baseUrl: string, opts: CheckoutChoices = {}): Promise<{ orderId: string; url: string }> {
  const now = opts.now ?? new Date();
  const show = await bookableShow(db, showId, now);
  const earlier = await pendingOrderOfHolder(db, showId, customer.holder);
  if (earlier && (await abandonPendingOrder(db, earlier, { releaseSeats: false })) === "paid") {
    throw new AppError("conflict", "You have just paid for an earlier checkout of these seats: see My bookings.");
  }

  // Which seats are mine (the holder index), not sold or kept by the house, within the rules.
  const { mine, seatRows } = await heldSelection(db, show, customer.holder);

  assertOnSale(show.prices, seatRows);
  // Every amount from the database and the one engine; the client only chose types and a code.
  const priced = await priceBasket(db, show, seatRows, { types: opts.types, promoCode: opts.promoCode, customer, now });
  const seatById = new Map(seatRows.map((s) => [s.id, s]));
  const lines = priced.lines.map((l) => ({ ...l, seat: seatById.get(l.seatId)! }));
  // A little over the minimum, so clock skew never makes Stripe refuse it.
  const expiresAt = new Date(now.getTime() + CHECKOUT_MINUTES * 60_000 + 30_000);

  if (!(await getSeatLocks().extend(showId, mine, customer.holder, CHECKOUT_MINUTES * 60_000 + LOCK_MARGIN_MS))) {
    throw new AppError("gone", "Your hold ran out before checkout started. Please choose your seats again.");
  }

  const orderId = crypto.randomUUID();
  // A free order (a 100 % code, no fees) opens no payment session: it is fulfilled at once below.
  const session = priced.total > 0 ? await openSession(db, { showId, orderId, customer, currency: show.currency, lines, orderFee: priced.orderFee, expiresAt, baseUrl }) : null;

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
        ...orderMoneyColumns(priced),
        currency: show.currency,
        expiresAt,
        stripeSessionId: session?.id ?? null,
        createdAt: now,
      });
      await tx.insert(orderSeats).values(orderSeatRows(orderId, priced, seatRows));
      if (priced.promoView) await redeemPromo(tx, priced.promoView, { orderId, email: customer.email, userId: customer.userId });
    });
  } catch (err) {
    // Nobody has seen this session's URL: expire it so it can never be paid.
    if (session) {
      await getPayments()
        .expireSession(session.id)
        .catch((e) => log.warn({ err: e, sessionId: session.id }, "could not expire an unused checkout session; it expires by itself"));
    }
    if (uniqueViolation(err) === "orders_one_pending_per_holder") return concurrentCheckout(db, showId, customer.holder);
    throw err;
  }
  metrics().checkoutsStarted.inc();
  if (!session) {
    await fulfil(db, orderId, null, now);
    log.info({ orderId }, "free order fulfilled without a payment session");
    return { orderId, url: `${baseUrl}/bookings/${orderId}` };
  }
  log.info({ orderId, sessionId: session.id }, "checkout session created");
  return { orderId, url: session.url };
}

type SessionLine = { seat: { rowLabel: string; number: number; tier: string }; ticketTypeName: string; price: number; fee: number; tax: number; discount: number; amount: number };

/** Opens the payment session: one line item per seat line (its all-in amount), and the order fee; they sum to the total. */
async function openSession(
  db: Db,
  o: { showId: string; orderId: string; customer: Customer; currency: string; lines: SessionLine[]; orderFee: number; expiresAt: Date; baseUrl: string },
): Promise<{ id: string; url: string }> {
  const venue = (await showWithVenue(db, o.showId))!;
  const when = formatDateTime(venue.show.startsAt, venue.theater.timeZone);
  const lineItems = o.lines.map((l) => ({
    name: `${venue.movie.title} — ${when} — ${seatLabel(l.seat.rowLabel, l.seat.number)} (${l.seat.tier}) — ${lineDescription(l, o.currency)}`,
    amount: l.amount,
  }));
  if (o.orderFee > 0) lineItems.push({ name: "Booking fee (per order)", amount: o.orderFee });
  return getPayments().createCheckoutSession({
    orderId: o.orderId,
    customerEmail: o.customer.email,
    currency: o.currency,
    lineItems,
    expiresAt: o.expiresAt,
    successUrl: `${o.baseUrl}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${o.baseUrl}/checkout/cancel?order=${o.orderId}`,
    idempotencyKey: `checkout:${o.orderId}`,
  });
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

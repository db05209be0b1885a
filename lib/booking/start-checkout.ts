import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderSeats, orders, seats } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { getPayments } from "@/lib/payments";
import { getSeatLocks } from "@/lib/seat-locks";
import { validateSelection } from "@/lib/seat-map/rules";
import { formatDateTime } from "@/lib/time";
import { closePendingOrder } from "./close-order";
import { orderDetail } from "./order-detail";
import { seatLabel } from "./seat-label";
import { bookableShow, soldOfShow } from "./show-guard";
import { seatIdsOfShow } from "./seat-ids";

// Stripe's shortest Checkout Session life; the locks are stretched past it so the seats cannot
// be taken while the customer is still on the payment page.
export const CHECKOUT_MINUTES = 30;
const LOCK_MARGIN_MS = 5 * 60_000;

export type Customer = { holder: string; userId: string | null; email: string };

/**
 * Starts paying for the seats the customer holds: checks the holds (Redis) and the sales
 * (Postgres), prices from the database, writes the pending order, stretches the locks, and opens
 * a Checkout Session. Returns the URL to send the customer to.
 */
export async function startCheckout(db: Db, showId: string, customer: Customer, baseUrl: string, now = new Date()): Promise<{ orderId: string; url: string }> {
  const show = await bookableShow(db, showId, now);
  // One read of each: the house's lock holders (one MGET), its sold seats, its seats in use.
  const [holders, sold, screenSeats] = await Promise.all([
    seatIdsOfShow(db, showId).then((ids) => getSeatLocks().holders(showId, ids)),
    soldOfShow(db, showId),
    db.select().from(seats).where(and(eq(seats.screenId, show.screenId), eq(seats.active, true))),
  ]);
  const mineSet = new Set([...holders].filter(([, h]) => h === customer.holder).map(([id]) => id));
  const seatRows = screenSeats.filter((s) => mineSet.has(s.id));
  const mine = seatRows.map((s) => s.id);
  if (!mine.length) throw new AppError("gone", "Your seats are no longer held. Please choose them again.");
  if (sold.some((id) => mineSet.has(id))) throw new AppError("conflict", "Some of your seats have just been sold. Please choose again.");

  // The cinema's rules are enforced here too, whatever the client did.
  const taken = new Set([...sold, ...[...holders].filter(([, h]) => h !== customer.holder).map(([id]) => id)]);
  const detailSeats = screenSeats.map((s) => ({ id: s.id, row: s.rowLabel, number: s.number, x: s.x, y: s.y, kind: s.kind, tier: s.tier }));
  const verdict = validateSelection({ seats: detailSeats, taken, selected: new Set(mine), maxSeats: Number.MAX_SAFE_INTEGER });
  if (!verdict.ok) throw new AppError("bad_input", verdict.message, { reason: verdict.reason });

  const lines = seatRows.map((s) => {
    const amount = show.prices[s.tier];
    if (amount === undefined) throw new AppError("conflict", `Seats in the ${s.tier} tier are not on sale for this show.`);
    return { seat: s, amount };
  });
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  // A little over the minimum, so clock skew never makes Stripe refuse it.
  const expiresAt = new Date(now.getTime() + CHECKOUT_MINUTES * 60_000 + 30_000);

  // An earlier checkout of this customer for this show is superseded: its session is expired so
  // it can never be paid alongside this one. The seats stay held.
  const earlier = await db.select().from(orders).where(and(eq(orders.showId, showId), eq(orders.holderId, customer.holder), eq(orders.status, "pending")));
  for (const o of earlier) {
    if (o.stripeSessionId) await getPayments().expireSession(o.stripeSessionId);
    await closePendingOrder(db, o.id, "cancelled", { releaseSeats: false });
  }

  const order = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(orders)
      .values({ userId: customer.userId, showId, holderId: customer.holder, email: customer.email, totalAmount: total, currency: show.currency, expiresAt })
      .returning();
    await tx.insert(orderSeats).values(lines.map((l) => ({ orderId: created.id, seatId: l.seat.id, rowLabel: l.seat.rowLabel, seatNumber: l.seat.number, tier: l.seat.tier, amount: l.amount })));
    return created;
  });

  const extended = await getSeatLocks().extend(showId, mine, customer.holder, CHECKOUT_MINUTES * 60_000 + LOCK_MARGIN_MS);
  if (!extended) {
    await closePendingOrder(db, order.id, "cancelled", { releaseSeats: false });
    throw new AppError("gone", "Your hold ran out before checkout started. Please choose your seats again.");
  }

  const detail = (await orderDetail(db, order.id))!;
  const when = formatDateTime(detail.show.startsAt, detail.theater.timeZone);
  const session = await getPayments().createCheckoutSession({
    orderId: order.id,
    customerEmail: customer.email,
    currency: show.currency,
    lineItems: lines.map((l) => ({ name: `${detail.movie.title} — ${when} — ${seatLabel(l.seat.rowLabel, l.seat.number)} (${l.seat.tier})`, amount: l.amount })),
    expiresAt,
    successUrl: `${baseUrl}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${baseUrl}/checkout/cancel?order=${order.id}`,
    idempotencyKey: `checkout:${order.id}`,
  });
  await db.update(orders).set({ stripeSessionId: session.id }).where(eq(orders.id, order.id));
  metrics().checkoutsStarted.inc();
  log.info({ orderId: order.id, sessionId: session.id }, "checkout session created");
  return { orderId: order.id, url: session.url };
}

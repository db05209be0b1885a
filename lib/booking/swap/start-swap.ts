import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { uniqueViolation } from "@/db/client";
import { orderAdjustments, shows, type AdjustmentLine } from "@/db/schema";
import { pendingSwapOfOrder } from "@/db/queries/adjustments";
import { orderDetail } from "@/db/queries/orders";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getPayments } from "@/lib/payments";
import { getSeatLocks } from "@/lib/seat-locks";
import { formatDateTime } from "@/lib/time";
import { cancellationDeadline } from "../cancel-booking";
import { heldSelection } from "../held-selection";
import { swapDifference } from "../line-amounts";
import { priceBasket } from "../price-basket";
import { assertBookable, bookableShow } from "../show-guard";
import { CHECKOUT_MINUTES, LOCK_MARGIN_MS } from "../start-checkout";
import { abandonPendingSwap } from "./close-swap";
import { completeSwap, type SwapOutcome } from "./complete-swap";

export type SwapQuote = {
  order: NonNullable<Awaited<ReturnType<typeof orderDetail>>>;
  toShow: NonNullable<Awaited<ReturnType<typeof showWithVenue>>>;
  oldLines: AdjustmentLine[];
  newLines: AdjustmentLine[];
  difference: number;
};

/**
 * Whether this order may move to that show now, and what it would cost with the seats the
 * customer holds there: the same movie (unless the theater allows any), the same theater's
 * currency, before the booking's cancellation cut-off, no ticket used at the door, and exactly as
 * many seats held as the booking has. Nothing changes; the review page and startSwap both ask.
 */
export async function quoteSwap(db: Db, input: { orderId: string; userId: string; toShowId: string; holder: string }, now = new Date()): Promise<SwapQuote> {
  const order = await orderDetail(db, input.orderId);
  if (!order || order.order.userId !== input.userId) throw new AppError("not_found", "That booking does not exist.");
  assertSwappable(order, now);
  const show = await bookableShow(db, input.toShowId, now);
  const toShow = (await showWithVenue(db, input.toShowId))!;
  if (show.id === order.show.id) throw new AppError("bad_input", "Choose a different showtime.");
  // A booking stays at its cinema (issue 19): ticket types, cards and the money are each theater's own.
  if (toShow.theater.id !== order.theater.id) throw new AppError("bad_input", "A booking can move to another showtime at the same cinema.");
  if (!order.theater.swapAnyMovie && toShow.movie.id !== order.movie.id) throw new AppError("bad_input", "A booking can move to another showtime of the same movie.");
  if (show.currency !== order.order.currency) throw new AppError("bad_input", "That show is sold in another currency.");
  const { seatRows } = await heldSelection(db, show, input.holder);
  if (seatRows.length !== order.seats.length) {
    throw new AppError("bad_input", `Choose ${order.seats.length} ${order.seats.length === 1 ? "seat" : "seats"}, as many as your booking has.`, { count: order.seats.length });
  }
  const oldLines: AdjustmentLine[] = order.seats.map((s) => ({ seatId: s.seatId, rowLabel: s.rowLabel, seatNumber: s.seatNumber, tier: s.tier, amount: s.amount, ticketTypeId: s.ticketTypeId, ticketTypeName: s.ticketTypeName, price: s.price, fee: s.fee, tax: s.tax, discount: s.discount }));
  // The booking's ticket types move with it, seat by seat in order (2 Adult + 1 Child stay so),
  // priced by the one engine at the new show's card. A promo code's discount does not carry over:
  // the difference is against what was paid for the old lines (docs/decisions.md, issue 21).
  const types = Object.fromEntries(seatRows.flatMap((s, i) => (order.seats[i]?.ticketTypeId ? [[s.id, order.seats[i].ticketTypeId!]] : [])));
  const priced = await priceBasket(db, show, seatRows, { types, now });
  const seatById = new Map(seatRows.map((s) => [s.id, s]));
  const newLines: AdjustmentLine[] = priced.lines.map((l) => {
    const seat = seatById.get(l.seatId)!;
    return { seatId: l.seatId, rowLabel: seat.rowLabel, seatNumber: seat.number, tier: l.tier, amount: l.amount, ticketTypeId: l.ticketTypeId, ticketTypeName: l.ticketTypeName, price: l.price, fee: l.fee, tax: l.tax, discount: l.discount };
  });
  return { order, toShow, oldLines, newLines, difference: swapDifference(oldLines, newLines) };
}

export function assertSwappable(order: { order: { status: string }; show: { startsAt: Date }; tickets: { status: string }[] }, now: Date) {
  if (order.order.status !== "paid") throw new AppError("conflict", "Only a paid booking can be changed.");
  if (now > cancellationDeadline(order.show.startsAt)) throw new AppError("conflict", "Online changes to this booking have closed; please ask at the box office.");
  if (order.tickets.some((t) => t.status === "admitted")) throw new AppError("conflict", "A ticket of this booking was already used at the door.");
}

export type StartSwapResult = { swapId: string; outcome: SwapOutcome | "pay"; url: string };

/**
 * Starts moving a booking to the seats the customer holds in another show. A difference to pay
 * opens a Checkout Session for exactly that amount (the swap completes when it is paid, through
 * the lifecycle like any payment); otherwise the swap completes at once (complete-swap.ts), and a
 * cheaper show's difference is refunded. One swap in progress per order (a unique index): an
 * earlier unpaid one is abandoned first; two clicks at once end in the same swap.
 */
export async function startSwap(db: Db, input: { orderId: string; userId: string; toShowId: string; holder: string }, baseUrl: string, now = new Date()): Promise<StartSwapResult> {
  const earlier = await pendingSwapOfOrder(db, input.orderId);
  if (earlier && (await abandonPendingSwap(db, earlier)) === "paid") {
    throw new AppError("conflict", "Your earlier change of this booking was just paid: see your booking.");
  }
  const quote = await quoteSwap(db, input, now);
  const bookingUrl = `${baseUrl}/bookings/${input.orderId}`;
  const seatIds = quote.newLines.map((l) => l.seatId);
  const pay = quote.difference > 0;
  const lockMs = pay ? CHECKOUT_MINUTES * 60_000 + LOCK_MARGIN_MS : LOCK_MARGIN_MS;
  if (!(await getSeatLocks().extend(input.toShowId, seatIds, input.holder, lockMs))) {
    throw new AppError("gone", "Your hold ran out. Please choose your seats again.");
  }
  const swapId = crypto.randomUUID();
  const expiresAt = pay ? new Date(now.getTime() + CHECKOUT_MINUTES * 60_000 + 30_000) : null;
  let session: { id: string; url: string } | null = null;
  if (pay) {
    const when = formatDateTime(quote.toShow.show.startsAt, quote.toShow.theater.timeZone);
    session = await getPayments().createCheckoutSession({
      orderId: swapId,
      customerEmail: quote.order.order.email,
      currency: quote.order.order.currency,
      lineItems: [{ name: `Change of booking to ${quote.toShow.movie.title} — ${when} (${seatIds.length} seats): the difference`, amount: quote.difference }],
      expiresAt: expiresAt!,
      successUrl: `${baseUrl}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancelUrl: `${bookingUrl}?swap=${swapId}`,
      idempotencyKey: `swap:${swapId}`,
    });
  }
  try {
    await db.transaction(async (tx) => {
      const [current] = await tx.select().from(shows).where(eq(shows.id, input.toShowId)).for("share");
      assertBookable(current, now);
      await tx.insert(orderAdjustments).values({
        id: swapId,
        orderId: input.orderId,
        kind: "swap",
        fromShowId: quote.order.show.id,
        toShowId: input.toShowId,
        holderId: input.holder,
        oldLines: quote.oldLines,
        newLines: quote.newLines,
        difference: quote.difference,
        stripeSessionId: session?.id ?? null,
        expiresAt,
      });
    });
  } catch (err) {
    if (session) {
      await getPayments()
        .expireSession(session.id)
        .catch((e) => log.warn({ err: e, sessionId: session.id }, "could not expire an unused swap session; it expires by itself"));
    }
    if (uniqueViolation(err) === "order_adjustments_one_pending") return concurrentSwap(db, input.orderId, bookingUrl);
    throw err;
  }
  log.info({ orderId: input.orderId, swapId, difference: quote.difference }, "swap started");
  if (session) return { swapId, outcome: "pay", url: session.url };
  return { swapId, outcome: await completeSwap(db, swapId, null), url: bookingUrl };
}

/** A second click started the same change at the same moment: answer with the first one. */
async function concurrentSwap(db: Db, orderId: string, bookingUrl: string): Promise<StartSwapResult> {
  const winner = await pendingSwapOfOrder(db, orderId);
  if (!winner) throw new AppError("conflict", "Your booking changed meanwhile; reload to see it.");
  if (!winner.stripeSessionId) return { swapId: winner.id, outcome: await completeSwap(db, winner.id, null), url: bookingUrl };
  const session = await getPayments().retrieveSession(winner.stripeSessionId);
  if (!session.url || session.status !== "open") throw new AppError("conflict", "Your booking changed meanwhile; reload to see it.");
  return { swapId: winner.id, outcome: "pay", url: session.url };
}

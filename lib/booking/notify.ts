import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailOutbox, orders } from "@/db/schema";
import { configuredAppUrl } from "@/lib/app-url";
import { kickOutbox } from "@/lib/email/kick";
import { queueTemplateEmail } from "@/lib/email/queue-template-email";
import { formatMoney } from "@/lib/money";
import { formatBookingReference } from "@/lib/booking-reference";
import { formatDateTime } from "@/lib/time";
import { tagLine } from "@/lib/show-tags";
import { orderDetail, type OrderDetail } from "@/db/queries/orders";
import { lineDescription } from "@/lib/pricing/line-text";
import { orderReceiptRows } from "./order-receipt";
import { seatLabel } from "./seat-label";
import { orderIcs, orderPdf, ticketsWithCodes } from "./ticket-bundle";

// Emails about an order, each queued at most once (the dedupe key) and sent by the outbox.
// Fulfilment may run many times for one order; the existence check skips rendering the PDF again.

async function alreadyQueued(db: Db, dedupeKey: string) {
  const [row] = await db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.dedupeKey, dedupeKey)).limit(1);
  return Boolean(row);
}

function common(detail: OrderDetail) {
  const base = configuredAppUrl();
  return {
    movieTitle: detail.movie.title,
    theaterName: detail.theater.name,
    screenName: detail.screen.name,
    startsAt: formatDateTime(detail.show.startsAt, detail.theater.timeZone),
    orderId: detail.order.id,
    reference: formatBookingReference(detail.order.reference),
    bookingsUrl: `${base}/bookings/${detail.order.id}`,
  };
}

/**
 * The booking confirmation with the PDF tickets and a calendar file attached — only while the
 * order is paid. A refund may land at any moment (a show cancellation, the box office): the
 * confirmation is queued under a share lock on the order, so it is never queued for an order
 * that is no longer paid, and an order refunded before this runs gets only its refund email.
 */
export async function afterOrderPaid(db: Db, orderId: string, swapId?: string): Promise<void> {
  // A swap's confirmation carries the new PDF and replaces the first one (issue 21): its own key.
  const dedupeKey = swapId ? `booking-swapped:${orderId}:${swapId}` : `booking-confirmed:${orderId}`;
  if (await alreadyQueued(db, dedupeKey)) return;
  const detail = await orderDetail(db, orderId);
  // A box office customer who gave no address takes printed tickets.
  if (!detail || !detail.order.email || detail.order.status !== "paid" || !ticketsWithCodes(detail).length) return;
  const short = orderId.slice(0, 8);
  const [pdf, ics] = [await orderPdf(detail), orderIcs(detail, configuredAppUrl())];
  const queued = await db.transaction(async (tx) => {
    const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).for("share");
    if (order?.status !== "paid") return false;
    await queueTemplateEmail(tx, {
      dedupeKey,
      to: detail.order.email,
      template: "booking-confirmed",
      props: {
        ...common(detail),
        tags: tagLine(detail.show.tags),
        seats: detail.seats.map((s) => ({
          label: seatLabel(s.rowLabel, s.seatNumber),
          tier: s.tier,
          ticketType: s.ticketTypeName,
          detail: lineDescription(s, detail.order.currency, detail.order.taxIncluded),
          price: formatMoney(s.amount, detail.order.currency),
        })),
        receipt: orderReceiptRows(detail),
        total: formatMoney(detail.order.totalAmount, detail.order.currency),
        pdfFilename: `marquee-tickets-${short}.pdf`,
        icsFilename: `marquee-${short}.ics`,
        replacesEarlier: Boolean(swapId),
      },
      attachments: [
        { filename: `marquee-tickets-${short}.pdf`, contentType: "application/pdf", content: new Uint8Array(pdf) },
        { filename: `marquee-${short}.ics`, contentType: "text/calendar", content: ics },
      ],
    });
    return true;
  });
  if (queued) kickOutbox();
}

/** Refund notice: a seat conflict, a cancellation by the customer, the show or the box office. */
export async function afterOrderRefunded(db: Db, orderId: string): Promise<void> {
  const dedupeKey = `booking-refunded:${orderId}`;
  if (await alreadyQueued(db, dedupeKey)) return;
  const detail = (await orderDetail(db, orderId))!;
  if (!detail.order.email) return;
  const reason = detail.order.refundReason ?? "admin";
  const amount = formatMoney(detail.order.totalAmount, detail.order.currency);
  if (reason === "customer_cancelled") {
    await queueTemplateEmail(db, {
      dedupeKey,
      to: detail.order.email,
      template: "booking-cancelled",
      props: { ...common(detail), seats: detail.seats.map((s) => seatLabel(s.rowLabel, s.seatNumber)), refundAmount: amount },
    });
  } else {
    await queueTemplateEmail(db, {
      dedupeKey,
      to: detail.order.email,
      template: "booking-refunded",
      props: { ...common(detail), amount, reason, showUrl: `${configuredAppUrl()}/shows/${detail.show.id}` },
    });
  }
  kickOutbox();
}

/** Some seats of a paid order were cancelled and refunded; the rest stand (issue 21). */
export async function afterSeatsCancelled(db: Db, orderId: string, cancellation: { id: string; seats: string[]; amount: number; byStaff?: boolean }): Promise<void> {
  const dedupeKey = `seats-cancelled:${orderId}:${cancellation.id}`;
  if (await alreadyQueued(db, dedupeKey)) return;
  const detail = (await orderDetail(db, orderId))!;
  // A box office sale without an address has nobody to tell.
  if (!detail.order.email) return;
  await queueTemplateEmail(db, {
    dedupeKey,
    to: detail.order.email,
    template: "booking-cancelled",
    props: { ...common(detail), seats: cancellation.seats, refundAmount: formatMoney(cancellation.amount, detail.order.currency),
      partial: true,
      byStaff: cancellation.byStaff,
      atCounter: detail.order.paymentMethod !== "online",
    },
  });
  kickOutbox();
}

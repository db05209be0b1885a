// What happened to an order, in order: created, paid, emailed, admitted, refunded or closed.
// Pure; the booking detail page feeds it the order, its outbox emails and its tickets.

export type TimelineOrder = {
  createdAt: Date;
  paidAt: Date | null;
  status: "pending" | "paid" | "expired" | "cancelled" | "refunded";
  refundReason: string | null;
  refundedAt: Date | null;
  closedAt: Date | null;
};
export type TimelineEmail = { subject: string; toAddress: string; status: "pending" | "sent" | "failed"; sentAt: Date | null; createdAt: Date; attempts: number };
export type TimelineTicket = { seat: string; admittedAt: Date | null };

export type TimelineEvent = {
  at: Date | null;
  kind: "created" | "paid" | "emailed" | "email-waiting" | "admitted" | "refunded" | "closed" | "swapped" | "seats-cancelled" | "waitlist-offer";
  title: string;
  detail?: string;
};

/** Issue 21: a swap or partial cancellation of the order, already described for people. */
export type TimelineAdjustment = { at: Date; kind: "swap" | "partial_cancel"; status: string; title: string; detail?: string };
/** Issue 21: the waitlist offer this order's checkout came from. */
export type TimelineOffer = { at: Date; seats: string; together: boolean };

const REFUND_REASONS: Record<string, string> = {
  seat_conflict: "a seat was sold twice, so the late payment was returned",
  customer_cancelled: "the customer cancelled",
  show_cancelled: "the show was cancelled",
  admin: "refunded by the box office",
};

export function orderTimeline(
  order: TimelineOrder,
  emails: readonly TimelineEmail[],
  tickets: readonly TimelineTicket[],
  adjustments: readonly TimelineAdjustment[] = [],
  offers: readonly TimelineOffer[] = [],
): TimelineEvent[] {
  const events: TimelineEvent[] = [{ at: order.createdAt, kind: "created", title: "Checkout started" }];
  for (const o of offers) events.push({ at: o.at, kind: "waitlist-offer", title: `Waitlist offer: ${o.seats}`, detail: o.together ? "held together for the party" : "seats apart, as the party accepted" });
  for (const a of adjustments) events.push({ at: a.at, kind: a.kind === "swap" ? "swapped" : "seats-cancelled", title: a.title, detail: a.detail });
  if (order.paidAt) events.push({ at: order.paidAt, kind: "paid", title: "Paid" });
  for (const email of emails) {
    if (email.status === "sent") events.push({ at: email.sentAt ?? email.createdAt, kind: "emailed", title: `Emailed: ${email.subject}`, detail: email.toAddress });
    else
      events.push({
        at: email.createdAt,
        kind: "email-waiting",
        title: `${email.status === "failed" ? "Email failed" : "Email queued"}: ${email.subject}`,
        detail: `${email.attempts} attempt${email.attempts === 1 ? "" : "s"} so far`,
      });
  }
  for (const t of tickets) if (t.admittedAt) events.push({ at: t.admittedAt, kind: "admitted", title: `Admitted: ${t.seat}` });
  if (order.status === "refunded") {
    const reason = REFUND_REASONS[order.refundReason ?? ""] ?? order.refundReason ?? undefined;
    events.push(
      order.refundedAt
        ? { at: order.refundedAt, kind: "refunded", title: "Refunded", detail: reason }
        : { at: null, kind: "refunded", title: "Refund started; the payment provider has not confirmed it yet", detail: reason },
    );
  }
  if ((order.status === "expired" || order.status === "cancelled") && order.closedAt) {
    events.push({ at: order.closedAt, kind: "closed", title: order.status === "expired" ? "Checkout expired unpaid" : "Checkout cancelled unpaid" });
  }
  return events.sort((a, b) => (a.at === null ? 1 : b.at === null ? -1 : a.at.getTime() - b.at.getTime()));
}

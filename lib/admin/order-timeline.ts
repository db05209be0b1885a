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

export type TimelineEvent = { at: Date | null; kind: "created" | "paid" | "emailed" | "email-waiting" | "admitted" | "refunded" | "closed"; title: string; detail?: string };

const REFUND_REASONS: Record<string, string> = {
  seat_conflict: "a seat was sold twice, so the late payment was returned",
  customer_cancelled: "the customer cancelled",
  show_cancelled: "the show was cancelled",
  admin: "refunded by the box office",
};

export function orderTimeline(order: TimelineOrder, emails: readonly TimelineEmail[], tickets: readonly TimelineTicket[]): TimelineEvent[] {
  const events: TimelineEvent[] = [{ at: order.createdAt, kind: "created", title: "Checkout started" }];
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

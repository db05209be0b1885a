import { Text } from "@react-email/components";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/email-layout";
import { ShowFacts } from "./components/show-facts";
import { styles } from "./components/styles";

// The reasons orders.refund_reason records; anything else reads as a box-office refund.
export type RefundReason = "seat_conflict" | "customer_cancelled" | "show_cancelled" | "seat_removed" | "admin";

export type BookingRefundedProps = {
  customerName?: string | null;
  movieTitle: string;
  theaterName?: string;
  /** Already formatted in the theater's time zone. */
  startsAt: string;
  /** Money already formatted, e.g. "$33.00". */
  amount: string;
  reason: RefundReason | (string & {});
  orderId: string;
  // The booking reference as the customer reads it ("K7QF-2M9P").
  reference: string;
  bookingsUrl: string;
  /** Where to pick other seats for the same show, offered after a seat conflict. */
  showUrl?: string;
};

const explanations: Record<RefundReason, (amount: string) => string> = {
  seat_conflict: (amount) =>
    `We're sorry: the seat you paid for was sold moments before your payment completed; we refunded you in full (${amount}). No ticket was issued for this order.`,
  customer_cancelled: (amount) => `You cancelled your booking, so we refunded ${amount} and your tickets are no longer valid.`,
  show_cancelled: (amount) => `The theater had to cancel this showing. We refunded you in full (${amount}) and your tickets are no longer valid.`,
  seat_removed: (amount) =>
    `We're sorry: a seat you paid for is no longer in use in this screen, so we could not issue your tickets; we refunded you in full (${amount}).`,
  admin: (amount) => `Our box office refunded ${amount} for this booking. Its tickets are no longer valid.`,
};

export function bookingRefundedSubject(p: Pick<BookingRefundedProps, "movieTitle" | "reason">) {
  return p.reason === "seat_conflict" ? `We couldn't hold your seat for ${p.movieTitle}: full refund` : `Refund for ${p.movieTitle}`;
}

export default function BookingRefunded(p: BookingRefundedProps) {
  const explain = explanations[p.reason as RefundReason] ?? explanations.admin;
  return (
    <EmailLayout title={p.reason === "seat_conflict" ? "Your seat was taken: you've been refunded" : "Your booking was refunded"} preview={explain(p.amount)}>
      {p.customerName ? <Text style={styles.text}>Hi {p.customerName},</Text> : null}
      <Text style={styles.text}>{explain(p.amount)}</Text>
      <ShowFacts movieTitle={p.movieTitle} theaterName={p.theaterName} startsAt={p.startsAt} />
      <Text style={styles.text}>Refunds usually appear on your statement within 5 to 10 business days, depending on your bank.</Text>
      {p.reason === "seat_conflict" && p.showUrl ? (
        <ActionButton href={p.showUrl}>Pick other seats</ActionButton>
      ) : (
        <ActionButton href={p.bookingsUrl}>View my bookings</ActionButton>
      )}
      <Text style={styles.muted}>Booking reference {p.reference}.</Text>
    </EmailLayout>
  );
}

BookingRefunded.PreviewProps = {
  customerName: "Ana",
  movieTitle: "The Long Projection",
  theaterName: "Marquee Downtown",
  startsAt: "Saturday, November 21 at 7:30 PM EST",
  amount: "$33.00",
  reason: "seat_conflict",
  orderId: "5f0c2a9e-7d1b-4c55-9a8e-1f2b3c4d5e6f",
  reference: "K7QF-2M9P",
  bookingsUrl: "http://localhost:3000/bookings",
  showUrl: "http://localhost:3000/shows/abc",
} satisfies BookingRefundedProps;

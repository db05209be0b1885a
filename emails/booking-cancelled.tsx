import { Text } from "@react-email/components";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/email-layout";
import { ShowFacts } from "./components/show-facts";
import { styles } from "./components/styles";

export type BookingCancelledProps = {
  customerName?: string | null;
  movieTitle: string;
  theaterName: string;
  screenName?: string;
  /** Already formatted in the theater's time zone. */
  startsAt: string;
  /** Seat labels, e.g. ["Row F, Seat 7", "Row F, Seat 8"]. */
  seats: string[];
  /** Money already formatted, e.g. "$33.00". */
  refundAmount: string;
  orderId: string;
  // The booking reference as the customer reads it ("K7QF-2M9P").
  reference: string;
  bookingsUrl: string;
  /** Only these seats were cancelled; the rest of the booking and its tickets stand (issue 21). */
  partial?: boolean;
  /** The box office cancelled them (issue 23), not the customer. */
  byStaff?: boolean;
  /** A box office order: the money goes back at the counter, not to a card online. */
  atCounter?: boolean;
};

export function bookingCancelledSubject(p: Pick<BookingCancelledProps, "movieTitle" | "partial">) {
  return `${p.partial ? "Seats cancelled" : "Booking cancelled"}: ${p.movieTitle}`;
}

export default function BookingCancelled(p: BookingCancelledProps) {
  return (
    <EmailLayout title="Your booking is cancelled" preview={`We refunded ${p.refundAmount} for ${p.movieTitle}.`}>
      <Text style={styles.text}>
        {p.byStaff ? `${p.customerName ? `Hi ${p.customerName}, the` : "The"} box office cancelled` : `${p.customerName ? `Hi ${p.customerName}, as` : "As"} you asked, we cancelled`}{" "}
        {p.partial ? "these seats of your booking" : "this booking"}:
      </Text>
      <ShowFacts movieTitle={p.movieTitle} theaterName={p.theaterName} screenName={p.screenName} startsAt={p.startsAt} />
      <Text style={styles.facts}>{p.seats.join("; ")}</Text>
      <Text style={styles.text}>
        {p.atCounter
          ? `We refunded ${p.refundAmount} at the box office.`
          : `We refunded ${p.refundAmount} to your original payment method; it usually appears within 5 to 10 business days.`}{" "}
        The tickets and their QR codes
        no longer admit anyone, and the seats are back on sale.
      </Text>
      {p.partial && <Text style={styles.text}>Your other tickets keep their QR codes and still admit you.</Text>}
      <ActionButton href={p.bookingsUrl}>View my bookings</ActionButton>
      <Text style={styles.muted}>Booking reference {p.reference}.</Text>
    </EmailLayout>
  );
}

BookingCancelled.PreviewProps = {
  customerName: "Ana",
  movieTitle: "The Long Projection",
  theaterName: "Marquee Downtown",
  screenName: "Screen 1",
  startsAt: "Saturday, November 21 at 7:30 PM EST",
  seats: ["Row F, Seat 7", "Row F, Seat 8"],
  refundAmount: "$33.00",
  orderId: "5f0c2a9e-7d1b-4c55-9a8e-1f2b3c4d5e6f",
  reference: "K7QF-2M9P",
  bookingsUrl: "http://localhost:3000/bookings",
} satisfies BookingCancelledProps;

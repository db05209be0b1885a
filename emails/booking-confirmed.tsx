import { Heading, Text } from "@react-email/components";
import { ActionButton } from "./components/action-button";
import { EmailLayout } from "./components/email-layout";
import { ShowFacts } from "./components/show-facts";
import { styles } from "./components/styles";

export type BookingConfirmedSeat = {
  label: string;
  tier: string;
  price: string;
  /** Issue 18: the ticket type ("Adult") and the line in words ("Adult $12.50 + fee $1.50 + tax $1.24"). */
  ticketType?: string;
  detail?: string;
};

export type BookingConfirmedProps = {
  customerName?: string | null;
  movieTitle: string;
  theaterName: string;
  screenName: string;
  /** Already formatted in the theater's time zone, naming it, e.g. "Saturday, November 21 at 7:30 PM EST". */
  startsAt: string;
  /** The show's tags in words ("IMAX · Audio description"), issue 19; empty or absent: none. */
  tags?: string;
  seats: BookingConfirmedSeat[];
  /** Money already formatted, e.g. "$33.00". */
  total: string;
  /** Receipt rows: tickets by type, booking fees, tax, discount, total (formatted). */
  receipt?: { label: string; amount: string }[];
  orderId: string;
  // The booking reference as the customer reads it ("K7QF-2M9P").
  reference: string;
  bookingsUrl: string;
  pdfFilename?: string;
  icsFilename?: string;
  /** Set when a swap changed the booking: these tickets replace the earlier ones (issue 21). */
  replacesEarlier?: boolean;
};

export function bookingConfirmedSubject(p: Pick<BookingConfirmedProps, "movieTitle" | "startsAt" | "replacesEarlier">) {
  return `${p.replacesEarlier ? "Your new tickets" : "Your tickets"}: ${p.movieTitle}, ${p.startsAt}`;
}

export default function BookingConfirmed(p: BookingConfirmedProps) {
  const count = p.seats.length === 1 ? "1 ticket" : `${p.seats.length} tickets`;
  return (
    <EmailLayout title="You're booked" preview={`${count} for ${p.movieTitle}, ${p.startsAt}`}>
      <Text style={styles.text}>{p.customerName ? `Hi ${p.customerName}, thanks` : "Thanks"} for your booking. Enjoy the show!</Text>
      {p.replacesEarlier && (
        <Text style={styles.text}>
          Your booking has moved to this show. These tickets replace the ones we sent before: the earlier tickets and their QR codes no longer admit anyone.
        </Text>
      )}
      <ShowFacts movieTitle={p.movieTitle} theaterName={p.theaterName} screenName={p.screenName} startsAt={p.startsAt} tags={p.tags} />

      <Heading as="h2" style={styles.h2}>
        Your seats
      </Heading>
      <table className="data-table" style={styles.table} cellPadding={0} cellSpacing={0}>
        <thead>
          <tr>
            <th scope="col" style={styles.th}>
              Seat
            </th>
            <th scope="col" style={styles.th}>
              Ticket
            </th>
            <th scope="col" style={{ ...styles.th, ...styles.amount }}>
              Price
            </th>
          </tr>
        </thead>
        <tbody>
          {p.seats.map((seat) => (
            <tr key={seat.label}>
              <td style={styles.td}>{seat.label}</td>
              <td style={styles.td}>
                {seat.ticketType ? `${seat.ticketType} · ${seat.tier}` : seat.tier}
                {seat.detail ? <div style={styles.small}>{seat.detail}</div> : null}
              </td>
              <td style={{ ...styles.td, ...styles.amount }}>{seat.price}</td>
            </tr>
          ))}
          {(p.receipt ?? []).filter((r) => r.label !== "Total").map((r) => (
            <tr key={r.label}>
              <th scope="row" colSpan={2} style={{ ...styles.td, textAlign: "left", fontWeight: 400 }}>
                {r.label}
              </th>
              <td style={{ ...styles.td, ...styles.amount }}>{r.amount}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" colSpan={2} style={{ ...styles.td, textAlign: "left" }}>
              Total paid
            </th>
            <td style={{ ...styles.td, ...styles.amount, fontWeight: 700 }}>{p.total}</td>
          </tr>
        </tbody>
      </table>

      <Heading as="h2" style={styles.h2}>
        At the door
      </Heading>
      <Text style={styles.text}>
        Your tickets are attached as a PDF ({p.pdfFilename ?? "tickets.pdf"}), one page per seat. Show the QR code on your phone or on paper at the
        door; each code admits once.
      </Text>
      <Text style={styles.text}>
        We have also attached a calendar file ({p.icsFilename ?? "show.ics"}): open it to add the show to your calendar.
      </Text>

      <ActionButton href={p.bookingsUrl}>View my bookings</ActionButton>
      <Text style={styles.muted}>
        Booking reference {p.reference}. Your tickets, QR codes and PDF are also in My bookings: {p.bookingsUrl}
      </Text>
    </EmailLayout>
  );
}

BookingConfirmed.PreviewProps = {
  customerName: "Ana",
  movieTitle: "The Long Projection",
  theaterName: "Marquee Downtown",
  screenName: "Screen 1",
  startsAt: "Saturday, November 21 at 7:30 PM EST",
  tags: "IMAX · Audio description",
  seats: [
    { label: "Row F, Seat 7", tier: "Standard", price: "$14.50" },
    { label: "Row F, Seat 8", tier: "Premium", price: "$18.50" },
  ],
  total: "$33.00",
  orderId: "5f0c2a9e-7d1b-4c55-9a8e-1f2b3c4d5e6f",
  reference: "K7QF-2M9P",
  bookingsUrl: "http://localhost:3000/bookings",
} satisfies BookingConfirmedProps;

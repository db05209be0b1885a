import { Button, Section, Text } from "@react-email/components";
import { EmailLayout } from "./components/email-layout";
import { ShowFacts } from "./components/show-facts";
import { styles } from "./components/styles";

export type WaitlistSeatsAvailableProps = {
  customerName?: string | null;
  movieTitle: string;
  theaterName: string;
  screenName?: string;
  /** Already formatted in the theater's time zone. */
  startsAt: string;
  /** How many seats are free right now, when known. */
  seatsAvailable?: number;
  showUrl: string;
};

export function waitlistSeatsAvailableSubject(p: Pick<WaitlistSeatsAvailableProps, "movieTitle">) {
  return `Seats available: ${p.movieTitle}`;
}

export default function WaitlistSeatsAvailable(p: WaitlistSeatsAvailableProps) {
  const what = p.seatsAvailable === 1 ? "A seat has" : p.seatsAvailable ? `${p.seatsAvailable} seats have` : "Seats have";
  return (
    <EmailLayout title="Seats just opened up" preview={`${what} opened up for ${p.movieTitle}.`}>
      <Text style={styles.text}>
        {p.customerName ? `Hi ${p.customerName}, good news: ` : "Good news: "}
        {what.toLowerCase()} opened up for a show you were waiting for.
      </Text>
      <ShowFacts movieTitle={p.movieTitle} theaterName={p.theaterName} screenName={p.screenName} startsAt={p.startsAt} />
      <Text style={styles.text}>Seats go to whoever books first, so they may be gone again soon.</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={p.showUrl} style={styles.button}>
          Choose seats
        </Button>
      </Section>
    </EmailLayout>
  );
}

WaitlistSeatsAvailable.PreviewProps = {
  customerName: "Ana",
  movieTitle: "The Long Projection",
  theaterName: "Marquee Downtown",
  screenName: "Screen 1",
  startsAt: "Saturday, November 21 at 7:30 PM EST",
  seatsAvailable: 2,
  showUrl: "http://localhost:3000/shows/abc",
} satisfies WaitlistSeatsAvailableProps;

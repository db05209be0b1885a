import { Button, Section, Text } from "@react-email/components";
import { EmailLayout } from "./components/email-layout";
import { ShowFacts } from "./components/show-facts";
import { styles } from "./components/styles";

export type WaitlistOfferProps = {
  customerName?: string | null;
  movieTitle: string;
  theaterName: string;
  screenName?: string;
  /** Already formatted in the theater's time zone. */
  startsAt: string;
  /** Seat labels, e.g. ["Row F, Seat 7", "Row F, Seat 8"]. */
  seats: string[];
  /** The seats sit together in one row (false only for a party that accepted seats apart). */
  together: boolean;
  /** Until when they are held, formatted in the theater's time zone. */
  heldUntil: string;
  minutes: number;
  offerUrl: string;
};

export function waitlistOfferSubject(p: Pick<WaitlistOfferProps, "movieTitle" | "seats">) {
  return `${p.seats.length === 1 ? "A seat is" : `${p.seats.length} seats are`} held for you: ${p.movieTitle}`;
}

/** Issue 21: a block of seats held for a waiting party, with its own countdown. */
export default function WaitlistOffer(p: WaitlistOfferProps) {
  return (
    <EmailLayout title="Seats held for you" preview={`${p.seats.join("; ")} held for ${p.minutes} minutes.`}>
      <Text style={styles.text}>
        {p.customerName ? `Hi ${p.customerName}, good news: ` : "Good news: "}
        seats came back for a show you were waiting for, and we are holding {p.together ? "them together" : "them"} for you.
      </Text>
      <ShowFacts movieTitle={p.movieTitle} theaterName={p.theaterName} screenName={p.screenName} startsAt={p.startsAt} />
      <Text style={styles.facts}>{p.seats.join("; ")}</Text>
      <Text style={styles.text}>
        They are yours until {p.heldUntil} ({p.minutes} minutes from when we wrote). After that, or if you decline, they go to the next person waiting.
      </Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={p.offerUrl} style={styles.button}>
          Take these seats
        </Button>
      </Section>
    </EmailLayout>
  );
}

WaitlistOffer.PreviewProps = {
  customerName: "Ana",
  movieTitle: "The Long Projection",
  theaterName: "Marquee Downtown",
  screenName: "Screen 1",
  startsAt: "Saturday, November 21 at 7:30 PM EST",
  seats: ["Row F, Seat 7", "Row F, Seat 8", "Row F, Seat 9"],
  together: true,
  heldUntil: "7:15 PM EST",
  minutes: 15,
  offerUrl: "http://localhost:3000/waitlist/offers/abc",
} satisfies WaitlistOfferProps;

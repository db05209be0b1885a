import { createEvent } from "ics";

export type TicketIcsInput = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  description: string;
  url?: string;
  /** Stable per booking, so re-sending the invitation updates the calendar entry instead of adding one. */
  uid: string;
};

/** An iCalendar file (one VEVENT) for a booking, with times written in UTC. */
export function ticketIcs(input: TicketIcsInput): string {
  if (!(input.endsAt.getTime() > input.startsAt.getTime())) {
    throw new Error("Calendar event must end after it starts");
  }
  const { error, value } = createEvent({
    productId: "marquee/tickets",
    method: "PUBLISH",
    uid: input.uid,
    title: input.title,
    description: input.description,
    location: input.location,
    ...(input.url ? { url: input.url } : {}),
    // Epoch milliseconds are unambiguous instants; the theater's zone is the calendar app's job.
    start: input.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: input.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    status: "CONFIRMED",
    busyStatus: "BUSY",
  });
  if (error || !value) throw error ?? new Error("Calendar event could not be created");
  return value;
}

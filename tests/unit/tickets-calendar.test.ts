import { describe, expect, it } from "vitest";
import { ticketIcs } from "@/lib/tickets/calendar";

const input = {
  title: "Dune: Part Two at Marquee Riverside",
  startsAt: new Date("2026-11-21T23:30:00Z"),
  endsAt: new Date("2026-11-22T02:16:00Z"),
  location: "Marquee Riverside, 120 River Street, Brooklyn, NY 11201",
  description: "Screen 1, row F, seats 7 and 8. Order 9c8d7e6f.",
  uid: "order-9c8d7e6f@marquee",
};

// Unfolds continuation lines (RFC 5545 3.1) so assertions see whole properties.
const lines = (ics: string) => ics.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);

describe("ticket calendar file", () => {
  it("is one VEVENT with UTC start and end", () => {
    const ics = lines(ticketIcs(input));
    expect(ics[0]).toBe("BEGIN:VCALENDAR");
    expect(ics.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(ics).toContain("END:VEVENT");
    expect(ics).toContain("DTSTART:20261121T233000Z");
    expect(ics).toContain("DTEND:20261122T021600Z");
    expect(ics).toContain("UID:order-9c8d7e6f@marquee");
    expect(ics).toContain("SUMMARY:Dune: Part Two at Marquee Riverside");
    expect(ics).toContain("LOCATION:Marquee Riverside\\, 120 River Street\\, Brooklyn\\, NY 11201");
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics.some((l) => l.startsWith("URL"))).toBe(false);
  });

  it("carries the booking link when given", () => {
    const ics = lines(ticketIcs({ ...input, url: "https://marquee.example/bookings/9c8d7e6f" }));
    expect(ics).toContain("URL:https://marquee.example/bookings/9c8d7e6f");
  });

  it("refuses an event that ends before it starts", () => {
    expect(() => ticketIcs({ ...input, endsAt: input.startsAt })).toThrow(/end after/);
  });
});

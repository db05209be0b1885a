import type { BookingAdmitResult, CheckInResult } from "@/lib/tickets/check-in";

export type DoorAnswer = { tone: "good" | "warn" | "bad"; title: string; detail: string };

const seatList = (seats: { row: string; seatNumber: number }[]) => seats.map((s) => `${s.row}${s.seatNumber}`).join(", ");

/** What a scanned code's result says, in words big enough for the door. Times come from the server in the theater's zone. */
export function describeCodeResult(a: CheckInResult): DoorAnswer {
  switch (a.result) {
    case "admitted":
      return { tone: "good", title: "✓ Admitted", detail: `Row ${a.row}, seat ${a.seatNumber} · booking ${a.reference}` };
    case "already_admitted":
      return { tone: "warn", title: "✗ Already admitted", detail: `Row ${a.row}, seat ${a.seatNumber} · came in at ${a.admittedAt} · booking ${a.reference}` };
    case "refunded":
      return { tone: "bad", title: "✗ Refunded or cancelled", detail: `Row ${a.row}, seat ${a.seatNumber}: this ticket is not valid.` };
    case "wrong_show":
      return { tone: "bad", title: "✗ Not for this show", detail: "Send the customer to the right screen." };
    case "invalid":
      return {
        tone: "bad",
        title: "✗ Not a valid ticket",
        detail:
          a.reason === "unknown_ticket"
            ? "No such ticket."
            : "The code is forged or damaged. Older codes (MQ1.) must be typed with capitals as printed: search by booking reference or seat instead.",
      };
  }
}

/** What admitting a booking's tickets did. */
export function describeBookingResult(r: BookingAdmitResult): DoorAnswer {
  if (r.admitted.length > 0) {
    const also = r.alreadyAdmitted.length ? ` · already in: ${seatList(r.alreadyAdmitted)}` : "";
    return { tone: "good", title: `✓ Admitted ${r.admitted.length}`, detail: `${seatList(r.admitted)} · booking ${r.reference}${also}` };
  }
  if (r.refunded) return { tone: "bad", title: "✗ Refunded", detail: `Booking ${r.reference} was refunded: its tickets are not valid.` };
  const first = r.alreadyAdmitted[0];
  return { tone: "warn", title: "✗ Already admitted", detail: `${seatList(r.alreadyAdmitted)}${first?.admittedAt ? ` · came in at ${first.admittedAt}` : ""} · booking ${r.reference}` };
}

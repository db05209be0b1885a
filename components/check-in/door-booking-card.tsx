"use client";
import type { DoorBooking } from "@/lib/tickets/check-in";

type Props = { booking: DoorBooking; busy: boolean; onAdmit: (orderId: string, ticketIds?: string[]) => void };

const STATE = { valid: "Not yet in", admitted: "In", voided: "Void" } as const;

/** One booking found at the door: who, which seats, and buttons to admit one or all of them. */
export function DoorBookingCard({ booking, busy, onAdmit }: Props) {
  const waiting = booking.tickets.filter((t) => t.status === "valid");
  const refunded = booking.status !== "paid";
  return (
    <li className="space-y-3 rounded-xl border border-line bg-panel p-4" data-testid="door-booking" aria-label={`Booking ${booking.reference}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <p className="font-mono text-2xl font-bold tracking-wide">{booking.reference}</p>
        <p className="min-w-0 text-lg break-words">{booking.customer}</p>
      </div>
      {refunded && <p className="rounded-md border-2 border-red-400 px-3 py-2 text-lg font-bold">Refunded: these tickets do not admit.</p>}
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-2">
        {booking.tickets.map((t) => (
          <li key={t.id} className="flex items-center justify-between gap-2 rounded-lg border border-line px-3 py-1">
            <span>
              <span className="block text-xl font-bold">
                {t.row}
                {t.seatNumber}
              </span>
              <span className="text-sm text-zinc-200">
                {STATE[t.status]}
                {t.admittedAt && ` at ${t.admittedAt}`}
              </span>
            </span>
            {t.status === "valid" && !refunded && booking.tickets.length > 1 && (
              <button
                type="button"
                disabled={busy}
                onClick={() => onAdmit(booking.orderId, [t.id])}
                aria-label={`Admit ${t.row}${t.seatNumber} only`}
                className="min-h-11 min-w-11 rounded-md border border-gold px-2 font-semibold text-gold"
              >
                Admit
              </button>
            )}
          </li>
        ))}
      </ul>
      {!refunded && waiting.length > 0 && (
        <button
          type="button"
          disabled={busy}
          onClick={() => onAdmit(booking.orderId)}
          className="min-h-14 w-full rounded-lg bg-gold px-4 text-xl font-bold text-ink"
        >
          {waiting.length === booking.tickets.length
            ? `Admit ${waiting.length === 1 ? "1 ticket" : `all ${waiting.length} tickets`}`
            : `Admit the other ${waiting.length === 1 ? "ticket" : `${waiting.length} tickets`}`}
        </button>
      )}
      {!refunded && waiting.length === 0 && <p className="text-lg font-semibold">Everyone on this booking is in.</p>}
    </li>
  );
}

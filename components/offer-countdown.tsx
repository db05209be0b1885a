"use client";
import { formatCountdown } from "@/lib/seat-map/format";
import { useCountdown } from "./seat-map/use-countdown";

const noWarning = () => {};

/** A waitlist offer's own countdown (issue 21), on the seat map's clock. */
export function OfferCountdown({ expiresAt }: { expiresAt: number }) {
  const left = useCountdown(expiresAt, 0, noWarning);
  return (
    <span role="timer" aria-live="off" className="font-mono font-semibold tabular-nums">
      {left === null ? "" : formatCountdown(Math.max(0, left))}
    </span>
  );
}

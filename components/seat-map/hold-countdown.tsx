"use client";
import { formatCountdown } from "@/lib/seat-map/format";
import { useCountdown } from "./use-countdown";

const noWarning = () => {};

/**
 * "Held for 08:12" (or just "08:12", `remaining`), ticking; "Your hold has run out" at the end.
 * A timer, not a live region: a screen reader is not told every second.
 */
export function HoldCountdown({ expiresAt, variant = "held" }: { expiresAt: number; variant?: "held" | "remaining" }) {
  const remainingMs = useCountdown(expiresAt, 0, noWarning);
  // No clock before the first tick on the client (the server's time would not match at hydration).
  if (remainingMs === 0) return <span className="font-semibold text-red-200">Your hold has run out.</span>;
  return (
    <span>
      {variant === "held" && "Held for "}
      <span role="timer" data-testid="held-countdown" className="font-mono tabular-nums">
        {remainingMs === null ? "…" : formatCountdown(remainingMs)}
      </span>
    </span>
  );
}

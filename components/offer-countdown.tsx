"use client";
import { useEffect, useState } from "react";
import { formatCountdown } from "@/lib/seat-map/format";

/** A waitlist offer's own countdown (issue 21). */
export function OfferCountdown({ expiresAt }: { expiresAt: number }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = Math.max(0, expiresAt - (now ?? expiresAt));
  return (
    <span role="timer" aria-live="off" className="font-mono font-semibold tabular-nums">
      {now === null ? "" : formatCountdown(left)}
    </span>
  );
}

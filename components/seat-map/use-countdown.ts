"use client";
import { useEffect, useRef, useState } from "react";

/**
 * Milliseconds left until `deadline` (epoch ms), ticking every second; null without a deadline.
 * `onWarn` fires once when `warnAtMs` is crossed, so the customer hears that time is short.
 */
export function useCountdown(deadline: number | null, warnAtMs: number, onWarn: () => void): number | null {
  // No clock until the first tick on the client: a server-rendered time would never match the
  // browser's at hydration.
  const [now, setNow] = useState<number | null>(null);
  const warned = useRef<number | null>(null);
  const warn = useRef(onWarn);
  useEffect(() => {
    warn.current = onWarn;
  });

  useEffect(() => {
    if (deadline === null) return;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      const left = deadline - t;
      if (left > 0 && left <= warnAtMs && warned.current !== deadline) {
        warned.current = deadline;
        warn.current();
      }
    };
    // The first tick runs at once (deferred only out of the effect itself).
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [deadline, warnAtMs]);

  return deadline === null || now === null ? null : Math.max(0, deadline - now);
}

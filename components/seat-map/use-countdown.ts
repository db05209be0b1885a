"use client";
import { useEffect, useRef, useState } from "react";

/**
 * Milliseconds left until `deadline` (epoch ms), ticking every second; null without a deadline.
 * `onWarn` fires once when `warnAtMs` is crossed, so the customer hears that time is short.
 */
export function useCountdown(deadline: number | null, warnAtMs: number, onWarn: () => void): number | null {
  const [now, setNow] = useState(() => Date.now());
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
    // The first tick is deferred a moment: the clock may have been read long before this deadline.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [deadline, warnAtMs]);

  return deadline === null ? null : Math.max(0, deadline - now);
}

"use client";
import { lazy, Suspense, type ComponentProps } from "react";

// The waitlist panel shows only on a sold-out showtime (or to someone already waiting). Imported
// directly, its code would ride in every showtime page's first-load JavaScript, which the seat
// map's 150 kB budget cannot spare; behind React.lazy its chunk loads only where the panel is
// rendered. (next/dynamic does the same but adds more code than the panel itself weighs.) The
// server still renders the panel into the HTML; it hydrates once its chunk arrives.
const WaitlistPanel = lazy(() => import("./waitlist-panel").then((m) => ({ default: m.WaitlistPanel })));

export function LazyWaitlistPanel(props: ComponentProps<typeof WaitlistPanel>) {
  return (
    <Suspense fallback={null}>
      <WaitlistPanel {...props} />
    </Suspense>
  );
}

import { bestTier } from "@/lib/seat-map/seat-scoring";
import { BestAvailableControl } from "./best-available-control";
import { SeatMap as InteractiveSeatMap, type SeatMapProps } from "./seat-map";

/**
 * The seat map as pages use it: the interactive map (seat-map.tsx, a client component) with the
 * best-available form rendered here, on the server when the page is a server component, so the
 * form's markup is HTML rather than first-load JavaScript (as the legend, which pages pass).
 */
export function SeatMap(props: Omit<SeatMapProps, "bestAvailable">) {
  const { layout, maxSeats } = props;
  const form = (
    <BestAvailableControl
      idPrefix={layout.showId}
      maxSeats={maxSeats}
      tiers={layout.tiers}
      bestTierName={bestTier(layout.seats, layout.tiers)}
      hasWheelchairSpaces={layout.seats.some((s) => s.kind === "wheelchair")}
    />
  );
  return <InteractiveSeatMap {...props} bestAvailable={form} />;
}

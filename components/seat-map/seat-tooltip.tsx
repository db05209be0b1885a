import { seatDescription, seatLabel, stateWord } from "@/lib/seat-map/format";
import type { MapSeat, SeatState } from "@/lib/seat-map/types";

/** Where the card points, in the map box's coordinates, and the box's width (to keep it inside). */
export type TooltipAnchor = { seat: MapSeat; left: number; top: number; bottom: number; containerWidth: number };

/**
 * The hover / long-press / focus card. Hidden from assistive technology: the seat's own
 * accessible name already says all of this.
 */
export function SeatTooltip({ anchor, state, priceText }: { anchor: TooltipAnchor; state: SeatState | undefined; priceText: string }) {
  // Keep the card inside the map: 96px is half its maximum width.
  const left = Math.min(Math.max(anchor.left, 96), Math.max(96, anchor.containerWidth - 96));
  const above = anchor.top > 72;
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute z-10 w-max max-w-48 -translate-x-1/2 rounded-lg border border-zinc-500 bg-zinc-900 px-3 py-2 text-sm text-zinc-100 shadow-lg"
      style={{ left, top: above ? anchor.top - 8 : anchor.bottom + 8, transform: `translate(-50%, ${above ? "-100%" : "0"})` }}
    >
      <p className="font-semibold">{seatLabel(anchor.seat)}</p>
      <p className="first-letter:uppercase">
        {seatDescription(anchor.seat)} · {priceText}
      </p>
      <p className="text-zinc-300">{stateWord(state)}</p>
    </div>
  );
}

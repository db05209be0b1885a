import type { SeatKind } from "@/lib/seat-map/types";
import { placedShape, seatPaint, type DrawState } from "./seat-look";

// Its own module: the map's client code never draws a glyph (the legend is rendered on the
// server), so the glyph stays out of its JavaScript.

/** A seat drawn on its own, for the legend: the map's own paint (its mark is the fill pattern). */
export function SeatGlyph({ prefix, kind, state, colour, size = 20 }: { prefix: string; kind: SeatKind; state: DrawState; colour: string; size?: number }) {
  const paint = seatPaint(kind, state, colour, prefix);
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 10 10" width={size} height={size} className="shrink-0">
      <path d={placedShape(kind, 0, 0)} fill={paint.fill} stroke={paint.stroke} strokeWidth={paint.strokeWidth} />
    </svg>
  );
}

import { memo, useMemo } from "react";
import type { SeatGeometry } from "@/lib/seat-map/geometry";
import type { SeatState } from "@/lib/seat-map/types";
import { seatOrigin, type Frame } from "./drawing";
import { placedShape, seatPaint, type SeatPaint } from "./seat-look";

type Props = {
  geometry: SeatGeometry;
  states: Readonly<Record<string, SeatState>>;
  colours: ReadonlyMap<string, string>;
  prefix: string;
  frame: Frame;
};

type Look = { key: string; paint: SeatPaint; d: string };

/**
 * The picture of the seats: ONE <path> per look (kind x state x tier colour, a few dozen on any
 * map), its `d` the placed shapes of every seat that looks that way. Seats never overlap, so the
 * picture is the same as one path per seat, but Blink styles, lays out and paints a few dozen
 * elements instead of thousands (per-seat paths were most of the first draw: each seat's own
 * `d` defeated the matched-properties cache). Marks are still the looks' shared fill patterns,
 * which line up with every seat because cells sit on the 10-unit pattern grid (drawing.ts).
 * What the customer interacts with is the cell layer on top (seat-cells.tsx); this is inert.
 */
export const SeatDrawing = memo(function SeatDrawing({ geometry, states, colours, prefix, frame }: Props) {
  const looks = useMemo(() => {
    // Seats by look, found per (kind, state, tier) so the paint is worked out once per look.
    const byKey = new Map<string, { paint: SeatPaint; parts: string[] }>();
    const byCombination = new Map<string, { paint: SeatPaint; parts: string[] }>();
    for (const row of geometry.rows) {
      for (const seat of row.seats) {
        const state = states[seat.id] ?? "available";
        const combination = `${seat.kind} ${state} ${seat.tier}`;
        let look = byCombination.get(combination);
        if (!look) {
          const paint = seatPaint(seat.kind, state, colours.get(seat.tier) ?? "#38bdf8", prefix);
          const key = `${paint.fill} ${paint.stroke ?? ""} ${paint.strokeWidth ?? ""}`;
          look = byKey.get(key) ?? { paint, parts: [] };
          byKey.set(key, look);
          byCombination.set(combination, look);
        }
        const { x, y } = seatOrigin(seat, frame);
        look.parts.push(placedShape(seat.kind, x, y));
      }
    }
    return [...byKey].map(([key, { paint, parts }]): Look => ({ key, paint, d: parts.join("") }));
  }, [colours, frame, geometry, prefix, states]);

  return (
    <g aria-hidden="true" pointerEvents="none">
      {looks.map(({ key, paint, d }) => (
        <path key={key} d={d} fill={paint.fill} stroke={paint.stroke} strokeWidth={paint.strokeWidth} />
      ))}
    </g>
  );
});

import type { SeatKind } from "@/lib/seat-map/types";
import { CELL } from "./drawing";
import { INK, markPatterns, placedShape, seatLook, type DrawState } from "./seat-look";

const HELD_STRIPE = "#94a3b8";

export function stripesId(prefix: string): string {
  return `${prefix}-stripes`;
}

/**
 * The held-seat stripes and the mark patterns of the map's seats (seat-look.ts, seatPaint);
 * render once per map in an always-present (never display:none) <svg>. `colours`: every tier
 * colour the map's seats use — a seat whose colour has no patterns here has no fill.
 */
export function SeatDefs({ prefix, colours }: { prefix: string; colours: Iterable<string> }) {
  return (
    <svg aria-hidden="true" focusable="false" width="0" height="0" className="absolute" style={{ overflow: "hidden" }}>
      <defs>
        <pattern id={stripesId(prefix)} width={2.4} height={2.4} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width={2.4} height={2.4} fill={INK} />
          <rect width={1.1} height={2.4} fill={HELD_STRIPE} />
        </pattern>
        {markPatterns(prefix, colours).map((p) => (
          <pattern key={p.id} id={p.id} width={CELL} height={CELL} patternUnits="userSpaceOnUse">
            <rect width={CELL} height={CELL} fill={p.fill} />
            <path d={p.mark.d} fill="none" stroke={p.mark.colour} strokeWidth={p.mark.width} strokeLinecap="round" strokeLinejoin="round" />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/**
 * One seat's drawing, in its 10 x 10 cell, as plain elements rather than a component: the map
 * draws thousands of seats and an extra component layer per seat is measurable.
 */
export function seatPaths(kind: SeatKind, state: DrawState, colour: string, prefix: string) {
  const look = seatLook(kind, state, colour, stripesId(prefix));
  const shape = <path key="shape" d={placedShape(kind, 0, 0)} fill={look.fill} stroke={look.stroke} strokeWidth={look.strokeWidth} />;
  if (!look.mark) return shape;
  return [
    shape,
    <path key="mark" d={look.mark.d} fill="none" stroke={look.mark.colour} strokeWidth={look.mark.width} strokeLinecap="round" strokeLinejoin="round" />,
  ];
}

/** A seat drawn on its own, for the legend. */
export function SeatGlyph({ prefix, kind, state, colour, size = 20 }: { prefix: string; kind: SeatKind; state: DrawState; colour: string; size?: number }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 10 10" width={size} height={size} className="shrink-0">
      {seatPaths(kind, state, colour, prefix)}
    </svg>
  );
}

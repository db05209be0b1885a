import { CELL } from "./drawing";
import { INK, markPatterns, stripesId } from "./seat-look";

const HELD_STRIPE = "#94a3b8";

/**
 * The held-seat stripes and the mark patterns of the map's seats (seat-look.ts, seatPaint);
 * render once per prefix in an always-present (never display:none) <svg>: SeatLegend does for a
 * show's map, SeatMapPreview for its own. `colours`: every tier
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

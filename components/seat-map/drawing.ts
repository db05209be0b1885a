// Drawing units of the seat map's SVG: one grid unit is CELL user units, seats are drawn
// inside their cell with a small margin so adjacent seats read as separate targets.
import type { SeatGeometry } from "@/lib/seat-map/geometry";
import type { MapSeat } from "@/lib/seat-map/types";

export const CELL = 10;
/** Room on each side for row labels. */
export const LABEL_SPACE = 2 * CELL;
/** Room above the seats for the screen. */
export const SCREEN_SPACE = 4 * CELL;
const BOTTOM_SPACE = CELL;

export type Frame = {
  minX: number;
  minY: number;
  width: number;
  height: number;
};

export function frameOf(geometry: SeatGeometry): Frame {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const row of geometry.rows) {
    for (const s of row.seats) {
      minX = Math.min(minX, s.x);
      maxX = Math.max(maxX, s.x);
      minY = Math.min(minY, s.y);
      maxY = Math.max(maxY, s.y);
    }
  }
  if (minX === Infinity) return { minX: 0, minY: 0, width: 2 * LABEL_SPACE + CELL, height: SCREEN_SPACE + BOTTOM_SPACE };
  return {
    minX,
    minY,
    width: 2 * LABEL_SPACE + (maxX - minX + 1) * CELL,
    height: SCREEN_SPACE + (maxY - minY + 1) * CELL + BOTTOM_SPACE,
  };
}

/** A point in SVG user units as grid units (the inverse of seatOrigin): what the hit test takes. */
export function gridPointOf(point: { x: number; y: number }, frame: Frame): { x: number; y: number } {
  return { x: (point.x - LABEL_SPACE) / CELL + frame.minX, y: (point.y - SCREEN_SPACE) / CELL + frame.minY };
}

/** Top-left corner of a seat's cell in SVG user units. */
export function seatOrigin(seat: Pick<MapSeat, "x" | "y">, frame: Frame): { x: number; y: number } {
  return { x: LABEL_SPACE + (seat.x - frame.minX) * CELL, y: SCREEN_SPACE + (seat.y - frame.minY) * CELL };
}

// Seat colours per tier, in tier order. Each has at least 3:1 contrast against the page's
// #0b0b12 background (WCAG 1.4.11), and none is the gold that marks "my" seats.
export const TIER_COLOURS = ["#38bdf8", "#c084fc", "#34d399", "#fb923c", "#f472b6", "#a3e635"];

export function tierColours(tiers: readonly { name: string }[]): Map<string, string> {
  return new Map(tiers.map((t, i) => [t.name, TIER_COLOURS[i % TIER_COLOURS.length]]));
}

// A small screen on a wide desktop would otherwise blow seats up to 80px; 4px per unit keeps a
// seat at about 40px, still a generous target.
const MAX_PX_PER_UNIT = 4;

/**
 * The map box: the layout's aspect ratio and at most 4px per unit wide, its height bounded by
 * the viewport's (`.seat-map-box` in app/globals.css: on a phone it takes the height the
 * viewport gives it; the zoom-pan view takes the box's shape, whatever it is).
 */
export function mapBoxStyle(frame: Frame): React.CSSProperties {
  return { aspectRatio: `${frame.width} / ${frame.height}`, maxWidth: `${frame.width * MAX_PX_PER_UNIT}px` };
}

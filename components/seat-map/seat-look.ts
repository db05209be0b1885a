// How a seat is drawn, per kind and state, in a 10 x 10 cell: its shape, with a mark (check,
// cross, access symbol) as part of its fill, a shared pattern per mark (markPatterns,
// seatPaint). So a seat is one plain shape, and the map can draw every seat of one look as
// one <path> (seat-drawing.tsx).
// The legend draws the same paint on one seat (seat-glyph.tsx).
// States differ by shape and pattern, never by colour alone: mine = gold with a check mark,
// held by others = striped with an outline, sold = dark with a cross.
import type { SeatKind, SeatState } from "@/lib/seat-map/types";

export type DrawState = SeatState | "available";

export const INK = "#0b0b12";
export const GOLD = "#f5c451";
const HELD_LINE = "#94a3b8";
const SOLD_FILL = "#1e293b";
const SOLD_LINE = "#64748b";

/**
 * Seat shapes in a 10 x 10 cell, as a start point and relative commands, so a seat's path is
 * placed in its cell by its first point alone (placedShape), and the shapes of many seats
 * joined make one path. (No transform per seat: in Blink each gives its element its own paint
 * property node and paint chunk, and 5,000 of them were most of a toggle's cost.)
 * The premium armchair has a wide back, arms, and a notch where the seat is.
 */
const SHAPES: Record<SeatKind, { x: number; y: number; rest: string }> = {
  standard: { x: 2.6, y: 1, rest: "h4.8q1.6 0 1.6 1.6v4.8q0 1.6-1.6 1.6h-4.8q-1.6 0-1.6-1.6v-4.8q0-1.6 1.6-1.6z" },
  premium: { x: 1, y: 2.4, rest: "q0-1.4 1.4-1.4h5.2q1.4 0 1.4 1.4v6.6h-2.1v-2.3h-3.8v2.3h-2.1z" },
  wheelchair: { x: 5, y: 1, rest: "a4 4 0 1 1-0.01 0z" },
  companion: { x: 5, y: 0.9, rest: "l3.9 2.2v3.8l-3.9 2.2l-3.9-2.2v-3.8z" },
};

/** A seat's shape with its cell's top-left corner at (x, y), in the map's user units. */
export function placedShape(kind: SeatKind, x: number, y: number): string {
  const s = SHAPES[kind];
  return `M${Math.round((x + s.x) * 100) / 100} ${Math.round((y + s.y) * 100) / 100}${s.rest}`;
}

// The International Symbol of Access, simplified to read at small sizes: head (a stroked dot),
// back and legs, and the wheel.
const ACCESS_MARK = "M5.1 2.6A0.15 0.15 0 1 1 5.09 2.6M4.9 3.9V5.7H6.6L7.2 7.3M4.1 4.9A1.9 1.9 0 1 0 6.3 7.2";
const COMPANION_MARK = "M5 4.4A0.6 0.6 0 1 1 4.99 4.4";
const CHECK_MARK = "M2.9 5.2L4.4 6.7L7.2 3.6";
const CROSS_MARK = "M3.3 3.3L6.7 6.7M6.7 3.3L3.3 6.7";
// The armchair's notch starts at y 6.7: its marks sit higher, on the back, so they are not cut.
const PREMIUM_CHECK_MARK = "M3 3.7L4.5 5.2L7.1 2.5";
const PREMIUM_CROSS_MARK = "M3.6 2.3L6.4 5.1M6.4 2.3L3.6 5.1";

export type SeatLook = {
  fill: string;
  stroke?: string;
  strokeWidth?: number;
  mark?: { d: string; colour: string; width: number };
};

function seatLook(kind: SeatKind, state: DrawState, tierColour: string, stripesId: string): SeatLook {
  switch (state) {
    case "mine":
      return { fill: GOLD, stroke: "#fff7d6", strokeWidth: 0.5, mark: { d: kind === "premium" ? PREMIUM_CHECK_MARK : CHECK_MARK, colour: INK, width: 1.3 } };
    case "held":
      return { fill: `url(#${stripesId})`, stroke: HELD_LINE, strokeWidth: 0.8 };
    case "sold":
      return { fill: SOLD_FILL, stroke: SOLD_LINE, strokeWidth: 0.8, mark: { d: kind === "premium" ? PREMIUM_CROSS_MARK : CROSS_MARK, colour: HELD_LINE, width: 1 } };
    default:
      if (kind === "wheelchair") return { fill: tierColour, mark: { d: ACCESS_MARK, colour: INK, width: 0.75 } };
      if (kind === "companion") return { fill: tierColour, mark: { d: COMPANION_MARK, colour: INK, width: 1.4 } };
      return { fill: tierColour };
  }
}

/** A seat's paint on the map, as attributes of its one <path>: marks come from markPatterns. */
export type SeatPaint = { fill: string; stroke?: string; strokeWidth?: number };

/** The prefix of a show's seat patterns: the map draws with the ones its legend defines. */
export function showPatternPrefix(showId: string): string {
  return `seat${showId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

export function stripesId(prefix: string): string {
  return `${prefix}-stripes`;
}

/** The pattern id of a mark drawn over a fill, for one map (prefix) and one fill colour. */
function markPatternId(prefix: string, fill: string, d: string): string {
  return `${prefix}-m${MARK_KEYS.get(d)}-${fill.replace(/[^a-zA-Z0-9]/g, "")}`;
}

const MARK_KEYS = new Map(
  [ACCESS_MARK, COMPANION_MARK, CHECK_MARK, CROSS_MARK, PREMIUM_CHECK_MARK, PREMIUM_CROSS_MARK].map((d, i) => [d, i] as const),
);

/** A seat's paint with the patterns of one map (prefix): SeatDefs defines them. */
export function seatPaint(kind: SeatKind, state: DrawState, tierColour: string, prefix: string): SeatPaint {
  const look = seatLook(kind, state, tierColour, stripesId(prefix));
  const fill = look.mark ? `url(#${markPatternId(prefix, look.fill, look.mark.d)})` : look.fill;
  return { fill, stroke: look.stroke, strokeWidth: look.strokeWidth };
}

export type MarkPattern = { id: string; fill: string; mark: NonNullable<SeatLook["mark"]> };

/**
 * Every mark pattern a map can use, for its tier colours: one 10 x 10 tile in the map's user
 * units, the look's fill with its mark on top. Seat cells start at multiples of 10 (drawing.ts:
 * CELL, LABEL_SPACE and SCREEN_SPACE are), so every cell lines up with one whole tile.
 */
export function markPatterns(prefix: string, tierColours: Iterable<string>): MarkPattern[] {
  const out = new Map<string, MarkPattern>();
  const kinds = Object.keys(SHAPES) as SeatKind[];
  const states: DrawState[] = ["available", "mine", "held", "sold"];
  for (const colour of new Set(tierColours)) {
    for (const kind of kinds) {
      for (const state of states) {
        const look = seatLook(kind, state, colour, "");
        if (!look.mark) continue;
        const id = markPatternId(prefix, look.fill, look.mark.d);
        out.set(id, { id, fill: look.fill, mark: look.mark });
      }
    }
  }
  return [...out.values()];
}

import { memo } from "react";
import type { SeatRow } from "@/lib/seat-map/geometry";
import { seatAriaLabel } from "@/lib/seat-map/format";
import type { MapSeat, SeatState } from "@/lib/seat-map/types";
import { seatOrigin, type Frame } from "./drawing";
import { placedShape, seatPaint } from "./seat-look";
import { stripesId } from "./seat-symbols";

// Rows and seats are memoised on their states: a toggle re-renders one row and one seat, not
// the whole house. Every other prop is a primitive or an object that stays the same between
// renders (seats, rows, frame, price texts, colours). Each seat is one <path> carrying its ARIA
// and data attributes (seat-look.ts says why). Per-seat styling that does not depend on the
// seat (cursor, hit area, focus outline) is in app/globals.css as `path[data-seat-id]` rules: no
// descendant selector, which Blink would have to check against every seat's ancestors.

type SeatProps = {
  seat: MapSeat;
  state: SeatState | undefined;
  tabbable: boolean;
  priceText: string;
  colour: string;
  prefix: string;
  frame: Frame;
};

const Seat = memo(function Seat({ seat, state, tabbable, priceText, colour, prefix, frame }: SeatProps) {
  const { x, y } = seatOrigin(seat, frame);
  const drawn = state ?? "available";
  const taken = state === "held" || state === "sold";
  const paint = seatPaint(seat.kind, drawn, colour, stripesId(prefix), prefix);
  return (
    <path
      role="gridcell"
      tabIndex={tabbable ? 0 : -1}
      aria-label={seatAriaLabel(seat, priceText, state)}
      aria-selected={state === "mine"}
      aria-disabled={taken || undefined}
      data-seat-id={seat.id}
      data-state={drawn}
      d={placedShape(seat.kind, x, y)}
      fill={paint.fill}
      stroke={paint.stroke}
      strokeWidth={paint.strokeWidth}
    />
  );
});

type RowProps = {
  row: SeatRow;
  /** Effective states of the whole house; only this row's entries matter (see rowPropsEqual). */
  states: Readonly<Record<string, SeatState>>;
  /** The seat holding the roving tab stop, when it is in this row. */
  tabbableId: string | null;
  priceTexts: ReadonlyMap<string, string>;
  colours: ReadonlyMap<string, string>;
  prefix: string;
  frame: Frame;
};

// The states object is new after every change anywhere in the house; a row only needs to
// re-render when one of its own seats changed.
function rowPropsEqual(a: RowProps, b: RowProps): boolean {
  if (a.row !== b.row || a.tabbableId !== b.tabbableId || a.priceTexts !== b.priceTexts || a.colours !== b.colours || a.prefix !== b.prefix || a.frame !== b.frame) {
    return false;
  }
  if (a.states === b.states) return true;
  for (const seat of a.row.seats) if (a.states[seat.id] !== b.states[seat.id]) return false;
  return true;
}

export const SeatRowGroup = memo(function SeatRowGroup({ row, states, tabbableId, priceTexts, colours, prefix, frame }: RowProps) {
  return (
    <g role="row" aria-label={`Row ${row.row}`}>
      {row.seats.map((seat) => (
        <Seat
          key={seat.id}
          seat={seat}
          state={states[seat.id]}
          tabbable={seat.id === tabbableId}
          priceText={priceTexts.get(seat.tier) ?? "not on sale"}
          colour={colours.get(seat.tier) ?? "#38bdf8"}
          prefix={prefix}
          frame={frame}
        />
      ))}
    </g>
  );
}, rowPropsEqual);

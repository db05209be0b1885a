"use client";
import { memo, useId, useState } from "react";
import { priceTextOf, seatDescription, stateWord } from "@/lib/seat-map/format";
import type { SeatGeometry, SeatRow } from "@/lib/seat-map/geometry";
import type { SeatState } from "@/lib/seat-map/types";

type Props = {
  geometry: SeatGeometry;
  states: Readonly<Record<string, SeatState>>;
  priceTexts: ReadonlyMap<string, string>;
  onToggle: (seatId: string) => void;
};

/**
 * The list alternative to the map: rows as disclosure buttons, seats as native checkboxes, so a
 * screen reader steps row -> seat with the controls it already knows. A row's seats are only
 * rendered while it is open, which keeps a 5,000-seat arena light.
 */
export function SeatList({ geometry, states, priceTexts, onToggle }: Props) {
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-300">Rows are listed from the screen backwards. Open a row to choose its seats.</p>
      <ul className="space-y-2">
        {geometry.rows.map((row) => (
          <RowItem key={row.row} row={row} states={states} priceTexts={priceTexts} onToggle={onToggle} />
        ))}
      </ul>
    </div>
  );
}

const RowItem = memo(function RowItem({ row, states, priceTexts, onToggle }: { row: SeatRow } & Omit<Props, "geometry">) {
  const [open, setOpen] = useState(false);
  const free = row.seats.filter((s) => states[s.id] === undefined).length;
  const mine = row.seats.filter((s) => states[s.id] === "mine").length;
  const panelId = useId();
  return (
    <li className="rounded-lg border border-line bg-panel">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex min-h-11 w-full items-center justify-between gap-3 px-3 py-2 text-left"
      >
        <span className="font-semibold">Row {row.row}</span>
        <span className="text-sm text-zinc-300">
          {free} of {row.seats.length} available{mine > 0 ? `, ${mine} yours` : ""}
        </span>
      </button>
      {open && (
        <fieldset id={panelId} className="border-t border-line px-3 py-2">
          <legend className="sr-only">Seats in row {row.row}</legend>
          <ul className="grid gap-1 sm:grid-cols-2">
            {row.seats.map((seat) => {
              const state = states[seat.id];
              const taken = state === "held" || state === "sold";
              return (
                <li key={seat.id}>
                  <label className={`flex min-h-11 items-center gap-3 rounded px-2 ${taken ? "text-zinc-400" : "cursor-pointer hover:bg-zinc-800"}`}>
                    <input type="checkbox" className="size-5 accent-amber-300" checked={state === "mine"} disabled={taken} onChange={() => onToggle(seat.id)} />
                    <span>
                      Seat {seat.number}, {seatDescription(seat)}, {priceTextOf(priceTexts, seat.tier)}
                      {state !== undefined && state !== "mine" ? `, ${stateWord(state)}` : ""}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
    </li>
  );
});

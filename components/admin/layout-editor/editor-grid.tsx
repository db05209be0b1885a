"use client";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { EditorSeat, EditorState } from "@/lib/admin/layout-editor";
import { kindWord } from "@/lib/seat-map/format";
import { TIER_COLOURS } from "@/components/seat-map/drawing";

type Props = {
  state: EditorState;
  /** Seat id -> the coming show it has a ticket for. */
  sold: Readonly<Record<string, string>>;
  brushLabel: string;
  onCell: (y: number, x: number) => void;
  onRename: (y: number, label: string) => void;
  onRemoveRow: (y: number) => void;
};

const KIND_MARK: Record<EditorSeat["kind"], string> = { standard: "", premium: "", wheelchair: "♿", companion: "C" };

function cellName(rowLabel: string, x: number, cell: EditorSeat | null, sold: Readonly<Record<string, string>>): string {
  if (!cell) return `Row ${rowLabel}, place ${x + 1}: gap`;
  const ticket = cell.id && sold[cell.id] ? `, has a ticket for ${sold[cell.id]}` : "";
  return `Row ${rowLabel}, seat ${cell.number}: ${kindWord(cell.kind)}, ${cell.tier} tier${ticket}`;
}

/**
 * The editable grid: one button per place, with a single tab stop that arrow keys move (Home/End
 * go to a row's ends). Enter or Space, or a click, applies the chosen tool to the place.
 */
export function EditorGrid({ state, sold, brushLabel, onCell, onRename, onRemoveRow }: Props) {
  const helpId = useId();
  const [focus, setFocus] = useState({ y: 0, x: 0 });
  const gridRef = useRef<HTMLDivElement>(null);
  const y0 = Math.min(focus.y, state.rows.length - 1);
  const x0 = Math.min(focus.x, state.width - 1);
  const colour = new Map(state.tiers.map((t, i) => [t, TIER_COLOURS[i % TIER_COLOURS.length]]));

  const moveTo = (y: number, x: number) => {
    const ny = Math.max(0, Math.min(state.rows.length - 1, y));
    const nx = Math.max(0, Math.min(state.width - 1, x));
    setFocus({ y: ny, x: nx });
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-cell="${ny}-${nx}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, y: number, x: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [y, x - 1],
      ArrowRight: [y, x + 1],
      ArrowUp: [y - 1, x],
      ArrowDown: [y + 1, x],
      Home: [y, 0],
      End: [y, state.width - 1],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    moveTo(...to);
  };

  return (
    <div className="space-y-2">
      <p id={helpId} className="text-xs text-zinc-300">
        Arrow keys move between places; Enter, Space or a click applies the tool ({brushLabel}). The top row is nearest the screen.
      </p>
      <div className="overflow-x-auto rounded-xl border border-line bg-[#0f0f19] p-3">
        <p aria-hidden className="mb-2 text-center text-xs tracking-[0.4em] text-zinc-300">
          SCREEN
        </p>
        <div ref={gridRef} role="group" aria-label="Seat layout" aria-describedby={helpId} className="w-max space-y-1">
          {state.rows.map((row, y) => (
            <div key={y} className="flex items-center gap-1" data-testid="editor-row">
              <input
                aria-label={`Label of line ${y + 1}`}
                value={row.label}
                onChange={(e) => onRename(y, e.target.value)}
                className="h-7 w-11 rounded border border-line bg-ink px-1 text-center text-sm font-semibold uppercase text-white focus:border-gold"
                maxLength={3}
              />
              <div role="group" aria-label={`Row ${row.label || y + 1}`} className="flex gap-0.5">
                {row.cells.map((cell, x) => {
                  const hasTicket = !!(cell?.id && sold[cell.id]);
                  return (
                    <button
                      key={x}
                      type="button"
                      data-cell={`${y}-${x}`}
                      data-kind={cell?.kind ?? "gap"}
                      tabIndex={y === y0 && x === x0 ? 0 : -1}
                      aria-label={cellName(row.label, x, cell, sold)}
                      onClick={() => {
                        setFocus({ y, x });
                        onCell(y, x);
                      }}
                      onFocus={() => setFocus({ y, x })}
                      onKeyDown={(e) => onKeyDown(e, y, x)}
                      style={cell ? { background: colour.get(cell.tier) ?? "#38bdf8" } : undefined}
                      className={`relative h-7 w-7 shrink-0 rounded text-[0.65rem] font-semibold leading-none ${
                        cell ? `text-ink ${cell.kind === "premium" ? "ring-2 ring-inset ring-white/80" : ""} ${cell.kind === "wheelchair" ? "rounded-full" : ""}` : "border border-dashed border-zinc-600 hover:border-zinc-300"
                      }`}
                    >
                      {cell && (
                        <span aria-hidden>
                          {KIND_MARK[cell.kind] || cell.number}
                        </span>
                      )}
                      {hasTicket && <span aria-hidden className="absolute -right-0.5 -top-0.5 h-2 w-2 rounded-full border border-ink bg-red-400" />}
                    </button>
                  );
                })}
              </div>
              <button
                type="button"
                onClick={() => onRemoveRow(y)}
                disabled={state.rows.length <= 1}
                aria-label={`Remove row ${row.label || y + 1}`}
                className="ml-1 h-7 rounded border border-line px-2 text-xs text-zinc-200 hover:border-red-400 hover:text-red-200 disabled:opacity-40"
              >
                Remove
              </button>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

"use client";
import { memo, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { inArea, type Area, type EditorRow, type EditorSeat, type EditorState } from "@/lib/admin/layout-editor";
import { kindWord } from "@/lib/seat-map/format";
import { TIER_COLOURS } from "@/components/seat-map/drawing";

export type GridMode = "paint" | "select";

type Props = {
  state: EditorState;
  /** Seat id -> the coming show it has a ticket for. */
  sold: Readonly<Record<string, string>>;
  brushLabel: string;
  mode: GridMode;
  /** Side of one place in CSS pixels (the zoom). */
  cell: number;
  selection: Area | null;
  onCell: (y: number, x: number) => void;
  /** Select mode: a press (or Shift+click) starts a rectangle at `from`, a drag extends it to `to`. */
  onSelect: (from: { y: number; x: number }, to: { y: number; x: number }) => void;
  onSelectRow: (y: number) => void;
  onSelectBlock: (y: number, x: number) => void;
  onRename: (y: number, label: string) => void;
  onRemoveRow: (y: number) => void;
};

const KIND_MARK: Record<EditorSeat["kind"], string> = { standard: "", premium: "", wheelchair: "♿", companion: "C" };

function cellName(rowLabel: string, x: number, cell: EditorSeat | null, sold: Readonly<Record<string, string>>): string {
  if (!cell) return `Row ${rowLabel}, place ${x + 1}: gap`;
  const ticket = cell.id && sold[cell.id] ? `, has a ticket for ${sold[cell.id]}` : "";
  return `Row ${rowLabel}, seat ${cell.number}: ${kindWord(cell.kind)}, ${cell.tier} tier${ticket}`;
}

function placeOf(target: EventTarget | null): { y: number; x: number } | null {
  const el = (target as HTMLElement | null)?.closest?.("[data-cell]");
  const [y, x] = (el?.getAttribute("data-cell") ?? "").split("-").map(Number);
  return el && Number.isInteger(y) && Number.isInteger(x) ? { y, x } : null;
}

type RowProps = {
  row: EditorRow;
  y: number;
  focusX: number;
  /** The selected columns of this row, or null. */
  selected: [number, number] | null;
  cell: number;
  colour: ReadonlyMap<string, string>;
  sold: Readonly<Record<string, string>>;
  canRemove: boolean;
  onRename: (y: number, label: string) => void;
  onRemoveRow: (y: number) => void;
  onSelectRow: (y: number) => void;
};

// One row, redrawn only when its own cells, focus or selection change: a 5,000-seat house stays
// responsive while a rectangle is dragged over it.
const GridRow = memo(function GridRow({ row, y, focusX, selected, cell, colour, sold, canRemove, onRename, onRemoveRow, onSelectRow }: RowProps) {
  const small = cell < 20;
  return (
    <div className="flex items-center gap-px" data-testid="editor-row">
      {/* The row's label and its "select row" button stay pinned at the left while the grid scrolls. */}
      <div className="sticky left-0 z-10 flex items-center gap-1 bg-[#0f0f19] pr-1">
        <input
          aria-label={`Label of line ${y + 1}`}
          value={row.label}
          onChange={(e) => onRename(y, e.target.value)}
          className="h-7 w-11 rounded border border-line bg-ink px-1 text-center text-sm font-semibold uppercase text-white focus:border-gold"
          maxLength={3}
        />
        <button
          type="button"
          onClick={() => onSelectRow(y)}
          aria-label={`Select row ${row.label || y + 1}`}
          title="Select the whole row"
          className="h-7 w-7 rounded border border-line text-xs text-zinc-200 hover:border-gold"
        >
          ⇥
        </button>
      </div>
      <div role="group" aria-label={`Row ${row.label || y + 1}`} className="flex gap-px">
        {row.cells.map((c, x) => {
          const hasTicket = !!(c?.id && sold[c.id]);
          const isSelected = !!selected && x >= selected[0] && x <= selected[1];
          return (
            <button
              key={x}
              type="button"
              data-cell={`${y}-${x}`}
              data-kind={c?.kind ?? "gap"}
              data-selected={isSelected || undefined}
              aria-pressed={isSelected}
              tabIndex={x === focusX ? 0 : -1}
              aria-label={cellName(row.label, x, c, sold)}
              style={{ width: cell, height: cell, ...(c ? { background: colour.get(c.tier) ?? "#38bdf8" } : {}) }}
              className={`relative shrink-0 rounded-sm text-[0.65rem] font-semibold leading-none ${
                c ? `text-ink ${c.kind === "premium" ? "ring-2 ring-inset ring-white/80" : ""} ${c.kind === "wheelchair" ? "rounded-full" : ""}` : "border border-dashed border-zinc-600 hover:border-zinc-300"
              } ${isSelected ? "outline-2 outline-offset-0 outline-sky-300 outline-solid brightness-125" : ""}`}
            >
              {c && !small && <span aria-hidden>{KIND_MARK[c.kind] || c.number}</span>}
              {hasTicket && <span aria-hidden className="absolute -right-0.5 -top-0.5 h-2 w-2 rounded-full border border-ink bg-red-400" />}
            </button>
          );
        })}
      </div>
      <button
        type="button"
        onClick={() => onRemoveRow(y)}
        disabled={!canRemove}
        aria-label={`Remove row ${row.label || y + 1}`}
        className="ml-1 h-7 rounded border border-line px-2 text-xs text-zinc-200 hover:border-red-400 hover:text-red-200 disabled:opacity-40"
      >
        Remove
      </button>
    </div>
  );
});

/**
 * The editable grid: one button per place, with a single tab stop that arrow keys move (Home/End
 * go to a row's ends). Paint mode: Enter, Space or a click applies the tool to the place. Select
 * mode: a click selects a place, a drag (or Shift+click, Shift+arrows) a rectangle, a double click
 * the block between aisles; the row buttons select a whole row.
 */
export function EditorGrid({ state, sold, brushLabel, mode, cell, selection, onCell, onSelect, onSelectRow, onSelectBlock, onRename, onRemoveRow }: Props) {
  const helpId = useId();
  const [focus, setFocus] = useState({ y: 0, x: 0 });
  const gridRef = useRef<HTMLDivElement>(null);
  const anchor = useRef<{ y: number; x: number } | null>(null);
  const dragging = useRef(false);
  const y0 = Math.min(focus.y, state.rows.length - 1);
  const x0 = Math.min(focus.x, state.width - 1);
  const colour = useMemo(() => new Map(state.tiers.map((t, i) => [t, TIER_COLOURS[i % TIER_COLOURS.length]])), [state.tiers]);

  const moveTo = (y: number, x: number) => {
    const ny = Math.max(0, Math.min(state.rows.length - 1, y));
    const nx = Math.max(0, Math.min(state.width - 1, x));
    setFocus({ y: ny, x: nx });
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-cell="${ny}-${nx}"]`)?.focus();
    return { y: ny, x: nx };
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = placeOf(e.target);
    if (!at) return;
    const { y, x } = at;
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
    const reached = moveTo(...to);
    if (mode === "select" && e.shiftKey) {
      anchor.current ??= at;
      onSelect(anchor.current, reached);
    }
  };

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const at = placeOf(e.target);
    if (!at) return;
    setFocus(at);
    if (mode === "paint") return onCell(at.y, at.x);
    // A pointer press already selected; a keyboard "click" (Enter/Space) selects here.
    if (e.detail === 0) {
      if (!(e.shiftKey && anchor.current)) anchor.current = at;
      onSelect(anchor.current, at);
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const at = placeOf(e.target);
    if (mode !== "select" || !at || e.button !== 0) return;
    // A touch captures the pointer to the first cell; let go so the drag reaches the others.
    (e.target as HTMLElement).releasePointerCapture?.(e.pointerId);
    if (!(e.shiftKey && anchor.current)) anchor.current = at;
    dragging.current = true;
    onSelect(anchor.current, at);
  };
  const onPointerOver = (e: PointerEvent<HTMLDivElement>) => {
    const at = dragging.current ? placeOf(e.target) : null;
    if (at && anchor.current) onSelect(anchor.current, at);
  };
  const endDrag = () => {
    dragging.current = false;
  };

  return (
    <div className="space-y-2">
      <p id={helpId} className="text-xs text-zinc-300">
        {mode === "paint"
          ? `Arrow keys move between places; Enter, Space or a click applies the tool (${brushLabel}).`
          : "Drag (or Shift+click, Shift+arrows) to select a rectangle; double-click selects a block between aisles; ⇥ selects a row. Then apply the tool to the selection."}{" "}
        The top row is nearest the screen.
      </p>
      <div className="max-h-[75vh] overflow-auto rounded-xl border border-line bg-[#0f0f19] p-3" data-testid="editor-scroller">
        <p aria-hidden className="mb-2 text-center text-xs tracking-[0.4em] text-zinc-300">
          SCREEN
        </p>
        <div
          ref={gridRef}
          role="group"
          aria-label="Seat layout"
          aria-describedby={helpId}
          className={`w-max space-y-px ${mode === "select" ? "touch-none select-none" : ""}`}
          onKeyDown={onKeyDown}
          onClick={onClick}
          onDoubleClick={(e) => {
            const at = placeOf(e.target);
            if (mode === "select" && at) onSelectBlock(at.y, at.x);
          }}
          onFocus={(e) => {
            const at = placeOf(e.target);
            if (at) setFocus(at);
          }}
          onPointerDown={onPointerDown}
          onPointerOver={onPointerOver}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onPointerLeave={endDrag}
        >
          {state.rows.map((row, y) => (
            <GridRow
              key={y}
              row={row}
              y={y}
              focusX={y === y0 ? x0 : -1}
              selected={selection && inArea(selection, y, selection.x0) ? [selection.x0, selection.x1] : null}
              cell={cell}
              colour={colour}
              sold={sold}
              canRemove={state.rows.length > 1}
              onRename={onRename}
              onRemoveRow={onRemoveRow}
              onSelectRow={onSelectRow}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

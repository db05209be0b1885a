// The seat layout editor's state and the edits it supports, as pure functions: the client
// component only holds the state and calls these, and the unit tests call them directly.
import type { DraftSeat, LayoutDraft, SeatKind, StoredSeat } from "@/lib/venue/layout-types";
import { LAYOUT_LIMITS } from "@/lib/venue/layout-types";
import { rowLabel } from "@/lib/seat-map/layout-plan";

export type EditorSeat = { key: string; id?: string; number: number; kind: SeatKind; tier: string };
export type EditorRow = { label: string; cells: (EditorSeat | null)[] };
export type EditorState = {
  width: number;
  tiers: string[];
  rows: EditorRow[];
  /** Seats numbered 1, 2, 3… from the left after every change, as most cinemas print them. */
  autoNumber: boolean;
  nextKey: number;
};


function freeLabel(rows: readonly EditorRow[], from: number): string {
  const used = new Set(rows.map((r) => r.label));
  for (let i = from; ; i++) if (!used.has(rowLabel(i))) return rowLabel(i);
}

export function editorFromSeats(seats: readonly Omit<StoredSeat, "active">[], width: number, height: number, tiers: string[]): EditorState {
  const rows: EditorRow[] = Array.from({ length: height }, () => ({ label: "", cells: Array<EditorSeat | null>(width).fill(null) }));
  for (const s of seats) {
    const row = rows[s.y];
    if (!row || s.x >= width) continue;
    row.label = s.rowLabel;
    row.cells[s.x] = { key: s.id, id: s.id, number: s.number, kind: s.kind, tier: s.tier };
  }
  // Lines with no seats (a cross aisle) still get a label, used if seats are added to them.
  rows.forEach((r, i) => {
    if (!r.label) r.label = freeLabel(rows, i);
  });
  const numbered = rows.every((r) => numbersRunLeftToRight(r.cells));
  return { width, tiers: [...tiers], rows, autoNumber: numbered, nextKey: 1 };
}

function numbersRunLeftToRight(cells: readonly (EditorSeat | null)[]): boolean {
  return cells.filter((c): c is EditorSeat => c !== null).every((c, i) => c.number === i + 1);
}

export function editorToDraft(state: EditorState): LayoutDraft {
  const seats: DraftSeat[] = [];
  state.rows.forEach((row, y) =>
    row.cells.forEach((cell, x) => {
      if (cell) seats.push({ ...(cell.id ? { id: cell.id } : {}), rowLabel: row.label, number: cell.number, x, y, kind: cell.kind, tier: cell.tier });
    }),
  );
  return { gridWidth: state.width, gridHeight: Math.max(1, state.rows.length), tiers: [...state.tiers], seats };
}

function renumber(state: EditorState): EditorState {
  if (!state.autoNumber) return state;
  return {
    ...state,
    rows: state.rows.map((row) => {
      let n = 0;
      return { ...row, cells: row.cells.map((c) => (c ? { ...c, number: ++n } : null)) };
    }),
  };
}

function withCell(state: EditorState, y: number, x: number, cell: EditorSeat | null): EditorState {
  return {
    ...state,
    rows: state.rows.map((row, i) => (i === y ? { ...row, cells: row.cells.map((c, j) => (j === x ? cell : c)) } : row)),
  };
}

function newSeat(state: EditorState, row: EditorRow, kind: SeatKind, tier: string): { seat: EditorSeat; nextKey: number } {
  const number = Math.max(0, ...row.cells.map((c) => c?.number ?? 0)) + 1;
  return { seat: { key: `new-${state.nextKey}`, number, kind, tier }, nextKey: state.nextKey + 1 };
}

export type Brush = { tool: "seat" } | { tool: "kind"; kind: SeatKind } | { tool: "tier"; tier: string };

/**
 * One tap on a cell with the current brush: "seat" adds a seat to a gap or removes the seat
 * (leaving a gap); "kind" and "tier" restyle an existing seat and leave gaps alone.
 */
export function applyBrush(state: EditorState, y: number, x: number, brush: Brush): EditorState {
  const row = state.rows[y];
  if (!row || x < 0 || x >= state.width) return state;
  const cell = row.cells[x];
  if (brush.tool === "seat") {
    if (cell) return renumber(withCell(state, y, x, null));
    const { seat, nextKey } = newSeat(state, row, "standard", state.tiers[0]);
    return renumber({ ...withCell(state, y, x, seat), nextKey });
  }
  if (!cell) return state;
  if (brush.tool === "kind") return withCell(state, y, x, { ...cell, kind: brush.kind });
  if (!state.tiers.includes(brush.tier)) return state;
  return withCell(state, y, x, { ...cell, tier: brush.tier });
}

/** A column with seats becomes an aisle (its seats removed); an empty one is filled in every row that has seats. */
export function toggleAisle(state: EditorState, x: number): EditorState {
  if (x < 0 || x >= state.width) return state;
  const hasSeats = state.rows.some((r) => r.cells[x]);
  if (hasSeats) return renumber({ ...state, rows: state.rows.map((r) => ({ ...r, cells: r.cells.map((c, j) => (j === x ? null : c)) })) });
  let next = state;
  state.rows.forEach((row, y) => {
    if (!row.cells.some(Boolean)) return;
    const { seat, nextKey } = newSeat(next, next.rows[y], "standard", state.tiers[0]);
    next = { ...withCell(next, y, x, seat), nextKey };
  });
  return renumber(next);
}

/** A new row at the back: empty, or a copy of the last row's pattern (new seats, same kinds and tiers). */
export function addRow(state: EditorState, copyLast: boolean): EditorState {
  if (state.rows.length >= LAYOUT_LIMITS.maxRows) return state;
  const last = state.rows[state.rows.length - 1];
  let nextKey = state.nextKey;
  const cells = Array.from({ length: state.width }, (_, x) => {
    const source = copyLast ? last?.cells[x] : null;
    return source ? { key: `new-${nextKey++}`, number: source.number, kind: source.kind, tier: source.tier } : null;
  });
  return renumber({ ...state, nextKey, rows: [...state.rows, { label: freeLabel(state.rows, state.rows.length), cells }] });
}

export function removeRow(state: EditorState, y: number): EditorState {
  if (state.rows.length <= 1) return state;
  return { ...state, rows: state.rows.filter((_, i) => i !== y) };
}

export function renameRow(state: EditorState, y: number, label: string): EditorState {
  const clean = label.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 3);
  return { ...state, rows: state.rows.map((r, i) => (i === y ? { ...r, label: clean } : r)) };
}

/** Widens the grid by one empty column on the right, or narrows it by its last column when that column is empty. */
export function resizeWidth(state: EditorState, delta: 1 | -1): EditorState {
  if (delta === 1) {
    if (state.width >= LAYOUT_LIMITS.maxWidth) return state;
    return { ...state, width: state.width + 1, rows: state.rows.map((r) => ({ ...r, cells: [...r.cells, null] })) };
  }
  if (state.width <= 1 || state.rows.some((r) => r.cells[state.width - 1])) return state;
  return { ...state, width: state.width - 1, rows: state.rows.map((r) => ({ ...r, cells: r.cells.slice(0, -1) })) };
}

export function setAutoNumber(state: EditorState, on: boolean): EditorState {
  return renumber({ ...state, autoNumber: on });
}

/** Adds a tier to sell; names follow the schema's rule (lowercase letters, digits, dashes). */
export function addTier(state: EditorState, name: string): EditorState {
  const clean = name.trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]{0,23}$/.test(clean) || state.tiers.includes(clean) || state.tiers.length >= LAYOUT_LIMITS.maxTiers) return state;
  return { ...state, tiers: [...state.tiers, clean] };
}

/** Removes a tier no seat uses (a tier in use must be repainted first). */
export function removeTier(state: EditorState, name: string): EditorState {
  if (state.tiers.length <= 1 || tierInUse(state, name)) return state;
  return { ...state, tiers: state.tiers.filter((t) => t !== name) };
}

export function tierInUse(state: EditorState, name: string): boolean {
  return state.rows.some((r) => r.cells.some((c) => c?.tier === name));
}

// Working on many places at once: a row, a block between aisles, or a dragged rectangle.

/** A rectangle of places, corners included, in grid order (y0 <= y1, x0 <= x1). */
export type Area = { y0: number; x0: number; y1: number; x1: number };

/** The rectangle two corners span, clamped to the grid. */
export function areaBetween(state: EditorState, a: { y: number; x: number }, b: { y: number; x: number }): Area {
  const clampY = (v: number) => Math.max(0, Math.min(state.rows.length - 1, v));
  const clampX = (v: number) => Math.max(0, Math.min(state.width - 1, v));
  return { y0: clampY(Math.min(a.y, b.y)), x0: clampX(Math.min(a.x, b.x)), y1: clampY(Math.max(a.y, b.y)), x1: clampX(Math.max(a.x, b.x)) };
}

/** One whole row. */
export function rowArea(state: EditorState, y: number): Area {
  return areaBetween(state, { y, x: 0 }, { y, x: state.width - 1 });
}

/**
 * The block a place belongs to: the run of columns between aisles (columns with no seat in any
 * row) around it, over every row, as a cinema's seating blocks are drawn.
 */
export function blockArea(state: EditorState, y: number, x: number): Area {
  const used = (col: number) => state.rows.some((r) => r.cells[col]);
  if (!used(x)) return areaBetween(state, { y, x }, { y, x });
  let x0 = x;
  let x1 = x;
  while (x0 > 0 && used(x0 - 1)) x0--;
  while (x1 < state.width - 1 && used(x1 + 1)) x1++;
  return areaBetween(state, { y: 0, x: x0 }, { y: state.rows.length - 1, x: x1 });
}

export function inArea(area: Area | null, y: number, x: number): boolean {
  return !!area && y >= area.y0 && y <= area.y1 && x >= area.x0 && x <= area.x1;
}

/** How many places and seats an area covers. */
export function areaCounts(state: EditorState, area: Area): { places: number; seats: number } {
  let seats = 0;
  for (let y = area.y0; y <= area.y1; y++) for (let x = area.x0; x <= area.x1; x++) if (state.rows[y]?.cells[x]) seats++;
  return { places: (area.y1 - area.y0 + 1) * (area.x1 - area.x0 + 1), seats };
}

/**
 * The brush over a whole area in one edit: "kind" and "tier" restyle every seat in it; "seat"
 * removes every seat when the area is all seats, and otherwise fills its gaps in rows that have
 * seats (or in every row of a one-row area), so a second press undoes the first.
 */
export function applyBrushToArea(state: EditorState, area: Area, brush: Brush): EditorState {
  const places: [number, number][] = [];
  for (let y = area.y0; y <= area.y1; y++) for (let x = area.x0; x <= area.x1; x++) if (state.rows[y] && x < state.width) places.push([y, x]);
  if (brush.tool === "kind" || brush.tool === "tier") {
    if (brush.tool === "tier" && !state.tiers.includes(brush.tier)) return state;
    const restyle = (c: EditorSeat): EditorSeat => (brush.tool === "kind" ? { ...c, kind: brush.kind } : { ...c, tier: brush.tier });
    return { ...state, rows: state.rows.map((row, y) => (y < area.y0 || y > area.y1 ? row : { ...row, cells: row.cells.map((c, x) => (c && x >= area.x0 && x <= area.x1 ? restyle(c) : c)) })) };
  }
  const allSeats = places.every(([y, x]) => state.rows[y].cells[x]);
  if (allSeats) {
    return renumber({ ...state, rows: state.rows.map((row, y) => (y < area.y0 || y > area.y1 ? row : { ...row, cells: row.cells.map((c, x) => (x >= area.x0 && x <= area.x1 ? null : c)) })) });
  }
  let next = state;
  const oneRow = area.y0 === area.y1;
  for (const [y, x] of places) {
    const row = next.rows[y];
    if (row.cells[x] || (!oneRow && !state.rows[y].cells.some(Boolean))) continue;
    const { seat, nextKey } = newSeat(next, row, "standard", state.tiers[0]);
    next = { ...withCell(next, y, x, seat), nextKey };
  }
  return renumber(next);
}

/** The aisle tool over an area's columns: all become aisles when any has a seat, else all are filled. */
export function toggleAisles(state: EditorState, area: Area): EditorState {
  const cols = Array.from({ length: area.x1 - area.x0 + 1 }, (_, i) => area.x0 + i);
  const anySeat = cols.some((x) => state.rows.some((r) => r.cells[x]));
  if (anySeat) return renumber({ ...state, rows: state.rows.map((r) => ({ ...r, cells: r.cells.map((c, j) => (j >= area.x0 && j <= area.x1 ? null : c)) })) });
  return cols.reduce((s, x) => toggleAisle(s, x), state);
}

// Seat-map geometry: rows, seat order within a row, and blocks (runs of seats with no aisle
// between them). Pure and shared by the server actions and the client map.
import type { MapSeat } from "./types";

/** A maximal run of seats in one row whose x positions step by exactly one grid unit. */
export type SeatBlock = {
  row: string;
  /** Seats ordered by x. */
  seats: MapSeat[];
};

export type SeatRow = {
  row: string;
  /** The row's y (the smallest y among its seats; rows are drawn as straight lines). */
  y: number;
  /** Seats ordered by x. */
  seats: MapSeat[];
  blocks: SeatBlock[];
};

/** Where a seat sits: its row, its block, and its index in each. */
export type SeatPlace = {
  seat: MapSeat;
  rowIndex: number;
  indexInRow: number;
  block: SeatBlock;
  indexInBlock: number;
};

export type SeatGeometry = {
  /** Rows ordered from the screen backwards (by y, then label). */
  rows: SeatRow[];
  byId: Map<string, SeatPlace>;
};

// Positions come from a `real` column; a tolerance keeps 3.0000001 - 2 counting as one step.
const EPSILON = 1e-6;

/** Two seats are adjacent only when they share a row and their x differ by exactly one grid unit. */
export function areAdjacent(a: MapSeat, b: MapSeat): boolean {
  return a.row === b.row && Math.abs(Math.abs(a.x - b.x) - 1) < EPSILON;
}

/** Splits seats already ordered by x into blocks wherever the next seat is not adjacent (an aisle or gap). */
export function splitBlocks(orderedRow: readonly MapSeat[]): SeatBlock[] {
  const blocks: SeatBlock[] = [];
  let current: MapSeat[] = [];
  for (const seat of orderedRow) {
    const prev = current[current.length - 1];
    if (prev && !areAdjacent(prev, seat)) {
      blocks.push({ row: prev.row, seats: current });
      current = [];
    }
    current.push(seat);
  }
  if (current.length > 0) blocks.push({ row: current[0].row, seats: current });
  return blocks;
}

/** Groups seats by row label, orders each row by x and the rows by y (then label, so ties are stable). */
export function groupRows(seats: readonly MapSeat[]): SeatRow[] {
  const byRow = new Map<string, MapSeat[]>();
  for (const seat of seats) {
    const list = byRow.get(seat.row);
    if (list) list.push(seat);
    else byRow.set(seat.row, [seat]);
  }
  const rows: SeatRow[] = [];
  for (const [row, list] of byRow) {
    list.sort((a, b) => a.x - b.x || a.number - b.number);
    rows.push({ row, y: Math.min(...list.map((s) => s.y)), seats: list, blocks: splitBlocks(list) });
  }
  rows.sort((a, b) => a.y - b.y || compareRowLabels(a.row, b.row));
  return rows;
}

/** "B" before "AA", "9" before "10": shorter labels first, then alphabetical. */
export function compareRowLabels(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function buildGeometry(seats: readonly MapSeat[]): SeatGeometry {
  const rows = groupRows(seats);
  const byId = new Map<string, SeatPlace>();
  rows.forEach((row, rowIndex) => {
    let indexInRow = 0;
    for (const block of row.blocks) {
      block.seats.forEach((seat, indexInBlock) => {
        byId.set(seat.id, { seat, rowIndex, indexInRow: indexInRow++, block, indexInBlock });
      });
    }
  });
  return { rows, byId };
}

// The client validates on every tap against the same seats array; building the geometry of a
// 5,000-seat arena each time would be wasted work, so it is cached per array identity.
const cache = new WeakMap<readonly MapSeat[], SeatGeometry>();

/** The geometry of a seats array, computed once per array. Treat the array as immutable. */
export function geometryOf(seats: readonly MapSeat[]): SeatGeometry {
  let geometry = cache.get(seats);
  if (!geometry) {
    geometry = buildGeometry(seats);
    cache.set(seats, geometry);
  }
  return geometry;
}

/** Wheelchair spaces and companion seats are sold only to the people they are meant for. */
export function isAccessibleSpace(seat: MapSeat): boolean {
  return seat.kind === "wheelchair" || seat.kind === "companion";
}

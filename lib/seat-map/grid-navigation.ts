// Keyboard movement on the seat grid, following the ARIA grid pattern: left/right step through
// the row's seats (across aisles: an aisle is not a cell), up/down go to the adjacent row's seat
// nearest in x (so a customer keeps their place when rows are offset or narrower), Home/End go
// to the row's ends, and with Ctrl (or Cmd) to the first seat of the first row / last of the last.
import type { SeatGeometry } from "./geometry";

export type GridKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End";

const KEYS = new Set<string>(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"]);

export function isGridKey(key: string): key is GridKey {
  return KEYS.has(key);
}

/** The seat focus moves to, or the same seat when the move would leave the grid. */
export function moveInGrid(geometry: SeatGeometry, fromId: string, key: GridKey, toCorner = false): string {
  const place = geometry.byId.get(fromId);
  const rows = geometry.rows;
  if (!place || rows.length === 0) return rows[0]?.seats[0]?.id ?? fromId;
  const row = rows[place.rowIndex].seats;
  switch (key) {
    case "ArrowLeft":
      return row[Math.max(0, place.indexInRow - 1)].id;
    case "ArrowRight":
      return row[Math.min(row.length - 1, place.indexInRow + 1)].id;
    case "Home":
      return toCorner ? rows[0].seats[0].id : row[0].id;
    case "End": {
      if (!toCorner) return row[row.length - 1].id;
      const last = rows[rows.length - 1].seats;
      return last[last.length - 1].id;
    }
    case "ArrowUp":
    case "ArrowDown": {
      const target = rows[place.rowIndex + (key === "ArrowUp" ? -1 : 1)];
      if (!target) return fromId;
      return nearestByX(target.seats, place.seat.x).id;
    }
  }
}

/** The seat nearest to x in a row ordered by x; on a tie, the one on the left. */
function nearestByX<T extends { x: number }>(ordered: readonly T[], x: number): T {
  let lo = 0;
  let hi = ordered.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ordered[mid].x < x) lo = mid + 1;
    else hi = mid;
  }
  const right = ordered[lo];
  const left = ordered[lo - 1];
  if (left && Math.abs(left.x - x) <= Math.abs(right.x - x)) return left;
  return right;
}

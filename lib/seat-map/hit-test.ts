// Which seat a tap means. A tap is a point in grid units (seat (x, y) occupies the square
// [x, x + 1) × [y, y + 1)); it picks the seat under it or nothing. Between two drawn seats it
// picks the nearest one only when that seat is in the row the finger is in and its centre is
// within half a seat pitch: a finger in an aisle, off the end of a row or between rows' bands
// selects nothing, and it never reaches into the next row (the browser's own touch adjustment
// would pick any nearby target, which is how a tap on C13 once took D14).
import type { SeatGeometry } from "./geometry";
import type { MapSeat } from "./types";

export type GridPoint = { x: number; y: number };

/** Half a seat pitch, in grid units: the farthest a tap may land from the seat it picks. */
export const HALF_PITCH = 0.5;

/** The seat a tap at `point` (grid units) selects, or null when it selects nothing. */
export function seatAtPoint(geometry: SeatGeometry, point: GridPoint): MapSeat | null {
  if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) return null;
  // A plain scan: a tap is one event, and even 5,000 seats take microseconds.
  let best: MapSeat | null = null;
  let bestDistance = Infinity;
  for (const row of geometry.rows) {
    for (const seat of row.seats) {
      // The finger must be within the seat's own row band: the same row, never the next one.
      if (point.y < seat.y || point.y >= seat.y + 1) continue;
      const distance = Math.abs(point.x - (seat.x + 0.5));
      if (distance <= HALF_PITCH && distance < bestDistance) {
        best = seat;
        bestDistance = distance;
      }
    }
  }
  return best;
}

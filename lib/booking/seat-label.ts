// Seat names for pages, emails and tickets: the seat map's own rules (lib/seat-map), taking a
// booked seat's row and number.
import { seatLabel as mapSeatLabel } from "@/lib/seat-map/format";

export { compareRowLabels } from "@/lib/seat-map/geometry";

/** "Row F, seat 7": how seats are named to customers everywhere (pages, emails, tickets). */
export function seatLabel(row: string, number: number): string {
  return mapSeatLabel({ row, number });
}

// The editor's zoom: the side of one place, in CSS pixels. Fitted small, a place is still a target
// for a drag selection and a mouse; the row labels and buttons keep their own size.
export const MIN_CELL = 4;
export const MAX_CELL = 40;
/** The smallest place a touch screen opens the editor at (WCAG 2.5.8: 24 px targets). */
export const TOUCH_CELL = 24;
// The pinned label + row button, the Remove button, gaps and padding beside the places.
const ROW_CHROME = 150;
const GAP = 1;

/** The largest place size (28 px at most when fitting) that shows every column in `boxWidth`. */
export function fitCellSize(boxWidth: number, columns: number): number {
  const room = boxWidth - ROW_CHROME;
  const size = Math.floor(room / Math.max(1, columns) - GAP);
  return Math.max(MIN_CELL, Math.min(28, size));
}

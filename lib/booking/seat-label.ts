/** "Row F, seat 7": how seats are named to customers everywhere (pages, emails, tickets). */
export function seatLabel(row: string, number: number): string {
  return `Row ${row}, seat ${number}`;
}

/** Row labels as the house reads them: "B" before "AA" (shorter first), then alphabetical. */
export function compareRowLabels(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** "Row F, seat 7": how seats are named to customers everywhere (pages, emails, tickets). */
export function seatLabel(row: string, number: number): string {
  return `Row ${row}, seat ${number}`;
}

// The dashboard's figures from raw rows, bucketed by local calendar days: each row by its own
// theater's zone when it carries one (a chain report, issue 19), else by the zone given. Pure.
import { addDays, localDate } from "@/lib/time";

export type SalesChannel = "online" | "box_office";
export type PaidRow = { paidAt: Date | null; amount: number; movieId: string; title: string; channel?: SalesChannel; theaterId?: string; timeZone?: string };

export const CHANNEL_NAMES: Record<SalesChannel, string> = { online: "Online", box_office: "Box office" };
export type DoorRow = { startsAt: Date; sold: number; admitted: number; capacity?: number; theaterId?: string; timeZone?: string };

/** The last `days` local dates ending today, oldest first. */
export function lastDays(today: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
}

export function revenueByDay(rows: readonly PaidRow[], dates: readonly string[], timeZone: string): { date: string; amount: number }[] {
  const totals = new Map(dates.map((d) => [d, 0]));
  for (const r of rows) {
    if (!r.paidAt) continue;
    const day = localDate(r.paidAt, r.timeZone ?? timeZone);
    if (totals.has(day)) totals.set(day, totals.get(day)! + r.amount);
  }
  return dates.map((date) => ({ date, amount: totals.get(date)! }));
}

export function revenueByMovie(rows: readonly PaidRow[]): { movieId: string; title: string; amount: number; orders: number }[] {
  const totals = new Map<string, { movieId: string; title: string; amount: number; orders: number }>();
  for (const r of rows) {
    const entry = totals.get(r.movieId) ?? { movieId: r.movieId, title: r.title, amount: 0, orders: 0 };
    entry.amount += r.amount;
    entry.orders++;
    totals.set(r.movieId, entry);
  }
  return [...totals.values()].sort((a, b) => b.amount - a.amount || a.title.localeCompare(b.title));
}

export function doorByDay(rows: readonly DoorRow[], dates: readonly string[], timeZone: string): { date: string; sold: number; admitted: number }[] {
  const totals = new Map(dates.map((d) => [d, { sold: 0, admitted: 0 }]));
  for (const r of rows) {
    const entry = totals.get(localDate(r.startsAt, r.timeZone ?? timeZone));
    if (!entry) continue;
    entry.sold += r.sold;
    entry.admitted += r.admitted;
  }
  return dates.map((date) => ({ date, ...totals.get(date)! }));
}

export type TypeLineRow = { ticketType: string; tickets: number; gross: number; tax: number; fees: number; discount: number };
export type RevenueLine = TypeLineRow & { net: number };

/**
 * Revenue per ticket type, then the per-order fees as a line of their own, then the total.
 * Gross is what customers paid; net is gross less tax; fees are the booking fees as listed (an
 * added tax is counted in tax, not in fees, as on the receipt); discounts were taken off gross.
 * The rows add up to the total exactly.
 */
export function revenueByTicketType(rows: readonly TypeLineRow[], orderFees: { gross: number; tax: number; fees: number }): { lines: RevenueLine[]; total: RevenueLine } {
  const lines: RevenueLine[] = [...rows].sort((a, b) => b.gross - a.gross || a.ticketType.localeCompare(b.ticketType)).map((r) => ({ ...r, net: r.gross - r.tax }));
  if (orderFees.gross > 0) lines.push({ ticketType: "Order booking fees", tickets: 0, gross: orderFees.gross, tax: orderFees.tax, fees: orderFees.fees, discount: 0, net: orderFees.gross - orderFees.tax });
  const total = lines.reduce<RevenueLine>(
    (t, l) => ({ ticketType: "Total", tickets: t.tickets + l.tickets, gross: t.gross + l.gross, tax: t.tax + l.tax, fees: t.fees + l.fees, discount: t.discount + l.discount, net: t.net + l.net }),
    { ticketType: "Total", tickets: 0, gross: 0, tax: 0, fees: 0, discount: 0, net: 0 },
  );
  return { lines, total };
}

/** Revenue and orders per sales channel, both channels always present (online first). */
export function revenueByChannel(rows: readonly PaidRow[]): { channel: SalesChannel; name: string; amount: number; orders: number }[] {
  return (Object.keys(CHANNEL_NAMES) as SalesChannel[]).map((channel) => {
    const mine = rows.filter((r) => (r.channel ?? "online") === channel);
    return { channel, name: CHANNEL_NAMES[channel], amount: mine.reduce((sum, r) => sum + r.amount, 0), orders: mine.length };
  });
}

export type TheaterFigures = {
  theaterId: string;
  name: string;
  currency: string;
  revenue: number;
  orders: number;
  /** Live tickets of the period's shows up to today, their seats in use, and how many were admitted. */
  sold: number;
  capacity: number;
  admitted: number;
};

/**
 * Revenue, orders, tickets, occupancy and check-ins per theater (in the order given) and their
 * total, which is each column's sum: revenue is summed per currency (theaters of a chain may sell
 * in different ones), so `total.revenue` maps currency → amount.
 */
export function figuresByTheater(
  theaters: readonly { id: string; name: string; currency: string }[],
  paid: readonly PaidRow[],
  door: readonly DoorRow[],
): { rows: TheaterFigures[]; total: Omit<TheaterFigures, "theaterId" | "name" | "currency" | "revenue"> & { revenue: Record<string, number> } } {
  const rows = theaters.map<TheaterFigures>((t) => ({ theaterId: t.id, name: t.name, currency: t.currency, revenue: 0, orders: 0, sold: 0, capacity: 0, admitted: 0 }));
  const byId = new Map(rows.map((r) => [r.theaterId, r]));
  for (const p of paid) {
    const row = p.theaterId ? byId.get(p.theaterId) : undefined;
    if (!row) continue;
    row.revenue += p.amount;
    row.orders++;
  }
  for (const d of door) {
    const row = d.theaterId ? byId.get(d.theaterId) : undefined;
    if (!row) continue;
    row.sold += d.sold;
    row.admitted += d.admitted;
    row.capacity += d.capacity ?? 0;
  }
  const total = { revenue: {} as Record<string, number>, orders: 0, sold: 0, capacity: 0, admitted: 0 };
  for (const r of rows) {
    total.revenue[r.currency] = (total.revenue[r.currency] ?? 0) + r.revenue;
    total.orders += r.orders;
    total.sold += r.sold;
    total.capacity += r.capacity;
    total.admitted += r.admitted;
  }
  return { rows, total };
}

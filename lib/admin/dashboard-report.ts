// The dashboard's figures from raw rows, bucketed by the theater's local calendar days. Pure.
import { addDays, localDate } from "@/lib/time";

export type SalesChannel = "online" | "box_office";
export type PaidRow = { paidAt: Date | null; amount: number; movieId: string; title: string; channel?: SalesChannel };

export const CHANNEL_NAMES: Record<SalesChannel, string> = { online: "Online", box_office: "Box office" };
export type DoorRow = { startsAt: Date; sold: number; admitted: number };

/** The last `days` local dates ending today, oldest first. */
export function lastDays(today: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
}

export function revenueByDay(rows: readonly PaidRow[], dates: readonly string[], timeZone: string): { date: string; amount: number }[] {
  const totals = new Map(dates.map((d) => [d, 0]));
  for (const r of rows) {
    if (!r.paidAt) continue;
    const day = localDate(r.paidAt, timeZone);
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
    const entry = totals.get(localDate(r.startsAt, timeZone));
    if (!entry) continue;
    entry.sold += r.sold;
    entry.admitted += r.admitted;
  }
  return dates.map((date) => ({ date, ...totals.get(date)! }));
}

/** Revenue and orders per sales channel, both channels always present (online first). */
export function revenueByChannel(rows: readonly PaidRow[]): { channel: SalesChannel; name: string; amount: number; orders: number }[] {
  return (Object.keys(CHANNEL_NAMES) as SalesChannel[]).map((channel) => {
    const mine = rows.filter((r) => (r.channel ?? "online") === channel);
    return { channel, name: CHANNEL_NAMES[channel], amount: mine.reduce((sum, r) => sum + r.amount, 0), orders: mine.length };
  });
}

import { shortSeatLabel } from "@/lib/seat-map/format";
import type { TimelineAdjustment } from "./order-timeline";

// Issue 21: a swap or partial cancellation as the admin timeline says it. Pure.

type Line = { rowLabel: string; seatNumber: number };
type Adjustment = {
  kind: "swap" | "partial_cancel";
  status: string;
  createdAt: Date;
  completedAt: Date | null;
  oldLines: Line[];
  newLines: Line[];
  difference: number;
  failReason: string | null;
  stripeRefundId: string | null;
};

const seatsOf = (lines: Line[]) => lines.map((l) => shortSeatLabel({ row: l.rowLabel, number: l.seatNumber })).join(", ");

/** `staff`: who refunded these seats at the box office (issue 23); none when the customer cancelled them. */
export function adjustmentForTimeline(a: Adjustment, money: (minor: number) => string, showTime: (which: "from" | "to") => string, staff?: string): TimelineAdjustment {
  const at = a.completedAt ?? a.createdAt;
  if (a.kind === "partial_cancel") {
    // A counter order's money goes back at the counter (lib/booking/adjustment-money.ts records "counter:<method>").
    const where = !a.stripeRefundId ? " (refund pending)" : a.stripeRefundId.startsWith("counter:") ? " at the counter" : "";
    const who = staff ? `Seats refunded by ${staff}` : "Seats cancelled by the customer";
    return { at, kind: a.kind, status: a.status, title: `${who}: ${seatsOf(a.oldLines)}`, detail: `${money(-a.difference)} refunded${where}` };
  }
  const money_ = a.difference > 0 ? `customer paid ${money(a.difference)}` : a.difference < 0 ? `${money(-a.difference)} refunded` : "same price";
  const what = `${showTime("from")} ${seatsOf(a.oldLines)} → ${showTime("to")} ${seatsOf(a.newLines)}`;
  const titles: Record<string, string> = {
    completed: "Swapped to another show",
    pending: "Swap waiting for the customer's payment",
    failed: `Swap failed (${a.failReason ?? "unknown"}); booking unchanged`,
    expired: "Swap not paid in time; booking unchanged",
    cancelled: "Swap given up; booking unchanged",
  };
  return { at, kind: a.kind, status: a.status, title: titles[a.status] ?? `Swap ${a.status}`, detail: `${what}; ${money_}` };
}

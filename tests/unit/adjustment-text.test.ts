import { describe, expect, it } from "vitest";
import { adjustmentForTimeline } from "@/lib/admin/adjustment-text";
import { orderTimeline } from "@/lib/admin/order-timeline";

const money = (n: number) => `$${(n / 100).toFixed(2)}`;
const line = (row: string, n: number) => ({ rowLabel: row, seatNumber: n });
const base = { createdAt: new Date("2026-12-01T10:00:00Z"), completedAt: new Date("2026-12-01T10:05:00Z"), failReason: null, stripeRefundId: "re_1" };

describe("swaps and partial cancellations on the admin timeline (issue 21)", () => {
  it("says what moved and what money went which way", () => {
    const swap = adjustmentForTimeline({ ...base, kind: "swap", status: "completed", oldLines: [line("A", 1)], newLines: [line("C", 4)], difference: 350 }, money, (w) => (w === "from" ? "Fri 7pm" : "Sat 9pm"));
    expect(swap).toMatchObject({ title: "Swapped to another show", detail: "Fri 7pm A1 → Sat 9pm C4; customer paid $3.50" });
    const failed = adjustmentForTimeline({ ...base, kind: "swap", status: "failed", failReason: "seat_conflict", oldLines: [line("A", 1)], newLines: [line("C", 4)], difference: -200 }, money, () => "");
    expect(failed.title).toBe("Swap failed (seat_conflict); booking unchanged");
    const cut = adjustmentForTimeline({ ...base, kind: "partial_cancel", status: "completed", oldLines: [line("B", 2), line("B", 3)], newLines: [], difference: -2500, stripeRefundId: null }, money, () => "");
    expect(cut).toMatchObject({ title: "Seats cancelled by the customer: B2, B3", detail: "$25.00 refunded (refund pending)" });
    // Issue 23: staff refunded seats of a box office order; the money went back at the counter.
    const byStaff = adjustmentForTimeline({ ...base, kind: "partial_cancel", status: "completed", oldLines: [line("B", 2)], newLines: [], difference: -1200, stripeRefundId: "counter:cash" }, money, () => "", "boss@example.com");
    expect(byStaff).toMatchObject({ title: "Seats refunded by boss@example.com: B2", detail: "$12.00 refunded at the counter" });
  });

  it("places them and a waitlist offer in time order among the order's events", () => {
    const order = { createdAt: new Date("2026-12-01T09:00:00Z"), paidAt: new Date("2026-12-01T09:01:00Z"), status: "paid" as const, refundReason: null, refundedAt: null, closedAt: null };
    const events = orderTimeline(order, [], [], [{ at: new Date("2026-12-01T11:00:00Z"), kind: "swap", status: "completed", title: "Swapped to another show" }], [
      { at: new Date("2026-12-01T08:59:00Z"), seats: "E3, E4, E5", together: true },
    ]);
    expect(events.map((e) => e.kind)).toEqual(["waitlist-offer", "created", "paid", "swapped"]);
  });
});

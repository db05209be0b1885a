import { describe, expect, it } from "vitest";
import { doorByDay, figuresByTheater, revenueByDay } from "@/lib/admin/dashboard-report";
import { describeAuditEntry } from "@/lib/audit/describe-entry";

const ny = { id: "ny", name: "Midtown", currency: "usd" };
const la = { id: "la", name: "Westside", currency: "usd" };
const ldn = { id: "ldn", name: "Soho", currency: "gbp" };
const paid = (theaterId: string, amount: number, paidAt = new Date("2026-12-04T18:00:00Z")) => ({ paidAt, amount, movieId: "m", title: "M", theaterId });

describe("figures per theater (issue 19)", () => {
  it("each column of the total is the sum of the theaters' rows; money summed per currency", () => {
    const { rows, total } = figuresByTheater(
      [ny, la, ldn],
      [paid("ny", 1200), paid("ny", 800), paid("la", 1500), paid("ldn", 900), paid("elsewhere", 99_999)],
      [
        { startsAt: new Date(), sold: 10, admitted: 7, capacity: 100, theaterId: "ny" },
        { startsAt: new Date(), sold: 4, admitted: 4, capacity: 50, theaterId: "la" },
        { startsAt: new Date(), sold: 1, admitted: 0, capacity: 20, theaterId: "elsewhere" },
      ],
    );
    expect(rows.map((r) => [r.theaterId, r.revenue, r.orders, r.sold, r.admitted, r.capacity])).toEqual([
      ["ny", 2000, 2, 10, 7, 100],
      ["la", 1500, 1, 4, 4, 50],
      ["ldn", 900, 1, 0, 0, 0],
    ]);
    // A theater not asked for (outside the scope) is in no row and not in the total.
    expect(total).toEqual({ revenue: { usd: 3500, gbp: 900 }, orders: 4, sold: 14, admitted: 11, capacity: 150 });
  });

  it("buckets each row by its own theater's calendar day", () => {
    // 05:30 UTC on Dec 5 is still Dec 4 in Los Angeles, and Dec 5 in New York.
    const at = new Date("2026-12-05T05:30:00Z");
    const days = revenueByDay(
      [
        { ...paid("ny", 100, at), timeZone: "America/New_York" },
        { ...paid("la", 10, at), timeZone: "America/Los_Angeles" },
      ],
      ["2026-12-04", "2026-12-05"],
      "UTC",
    );
    expect(days).toEqual([
      { date: "2026-12-04", amount: 10 },
      { date: "2026-12-05", amount: 100 },
    ]);
    expect(doorByDay([{ startsAt: at, sold: 3, admitted: 1, timeZone: "America/Los_Angeles" }], ["2026-12-04", "2026-12-05"], "America/New_York")[0]).toEqual({ date: "2026-12-04", sold: 3, admitted: 1 });
  });

  it("theater and staff entries read as sentences", () => {
    const c = { timeZone: "UTC", currency: "usd" };
    expect(describeAuditEntry({ action: "theater.create", details: { name: "Westside", timeZone: "America/Los_Angeles" } }, c)).toBe("Added the theater Westside (America/Los_Angeles)");
    expect(describeAuditEntry({ action: "theater.update", details: { name: "Westside", changed: ["address", "idNotice"] } }, c)).toBe("Edited the theater Westside: address, idNotice");
    expect(describeAuditEntry({ action: "staff.grant", details: { email: "a@b.c", role: "manager", theater: "Westside" } }, c)).toBe("Made a@b.c a site manager of Westside");
    expect(describeAuditEntry({ action: "staff.grant", details: { email: "a@b.c", role: "admin" } }, c)).toBe("Made a@b.c a chain admin");
    expect(describeAuditEntry({ action: "staff.revoke", details: { email: "a@b.c", role: "manager", theater: "Westside" } }, c)).toBe("a@b.c no longer manages Westside");
    expect(describeAuditEntry({ action: "staff.revoke", details: { email: "a@b.c", role: "admin" } }, c)).toBe("a@b.c is no longer a chain admin");
  });
});

import type { RevenueLine } from "@/lib/admin/dashboard-report";
import { AdminTable, FiguresRow } from "@/components/admin/admin-table";

const COLUMNS = [{ label: "Ticket type" }, { label: "Tickets", align: "right" }, { label: "Gross", align: "right" }, { label: "Tax", align: "right" }, { label: "Net", align: "right" }, { label: "Booking fees", align: "right" }, { label: "Discounts", align: "right" }] as const;

/** Paid revenue per ticket type, gross, tax, net, fees and discounts apart; the total underneath. */
export function RevenueByTypeTable({ lines, total, money, caption }: { lines: RevenueLine[]; total: RevenueLine; money: (minor: number) => string; caption: string }) {
  const cells = (l: RevenueLine) => [l.tickets ? String(l.tickets) : "—", money(l.gross), money(l.tax), money(l.net), money(l.fees), l.discount ? `−${money(l.discount)}` : money(0)];
  return (
    <AdminTable
      caption={caption}
      columns={[...COLUMNS]}
      footer={<FiguresRow name={total.ticketType} cells={cells(total)} total />}
    >
      {lines.map((l) => (
        <FiguresRow key={l.ticketType} name={l.ticketType} cells={cells(l)} testId="revenue-type-row" />
      ))}
    </AdminTable>
  );
}

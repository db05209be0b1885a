import type { RevenueLine } from "@/lib/admin/dashboard-report";
import { AdminTable } from "@/components/admin/admin-table";

const COLUMNS = [{ label: "Ticket type" }, { label: "Tickets", align: "right" }, { label: "Gross", align: "right" }, { label: "Tax", align: "right" }, { label: "Net", align: "right" }, { label: "Booking fees", align: "right" }, { label: "Discounts", align: "right" }] as const;

/** Paid revenue per ticket type, gross, tax, net, fees and discounts apart; the total underneath. */
export function RevenueByTypeTable({ lines, total, money, caption }: { lines: RevenueLine[]; total: RevenueLine; money: (minor: number) => string; caption: string }) {
  const cells = (l: RevenueLine) => [l.tickets ? String(l.tickets) : "—", money(l.gross), money(l.tax), money(l.net), money(l.fees), l.discount ? `−${money(l.discount)}` : money(0)];
  return (
    <AdminTable
      caption={caption}
      columns={[...COLUMNS]}
      footer={
        <tr className="border-t border-line font-semibold">
          <th scope="row" className="px-3 py-2 text-left">
            {total.ticketType}
          </th>
          {cells(total).map((c, i) => (
            <td key={i} className="px-3 py-2 text-right tabular-nums">
              {c}
            </td>
          ))}
        </tr>
      }
    >
      {lines.map((l) => (
        <tr key={l.ticketType} className="border-t border-line" data-testid="revenue-type-row">
          <th scope="row" className="px-3 py-2 text-left font-medium">
            {l.ticketType}
          </th>
          {cells(l).map((c, i) => (
            <td key={i} className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
              {c}
            </td>
          ))}
        </tr>
      ))}
    </AdminTable>
  );
}

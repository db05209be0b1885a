import type { TheaterFigures } from "@/lib/admin/dashboard-report";
import { percent } from "@/lib/admin/chart-scale";
import { formatMoney } from "@/lib/money";
import { AdminTable } from "@/components/admin/admin-table";

const COLUMNS = [
  { label: "Theater" },
  { label: "Revenue", align: "right" },
  { label: "Paid orders", align: "right" },
  { label: "Tickets", align: "right" },
  { label: "Occupancy", align: "right" },
  { label: "Checked in", align: "right" },
] as const;

type Figures = Pick<TheaterFigures, "orders" | "sold" | "capacity" | "admitted">;

function cells(f: Figures, revenue: string) {
  return [revenue, String(f.orders), String(f.sold), `${percent(f.sold, f.capacity)}% of ${f.capacity}`, `${f.admitted} (${percent(f.admitted, f.sold)}%)`];
}

/** Revenue, orders, tickets, occupancy and check-ins per theater, and the total (issue 19). */
export function TheaterFiguresTable({ rows, total, totalLabel, caption }: { rows: TheaterFigures[]; total: Figures & { revenue: Record<string, number> }; totalLabel: string; caption: string }) {
  const totalRevenue = Object.entries(total.revenue)
    .map(([currency, minor]) => formatMoney(minor, currency))
    .join(" + ");
  return (
    <AdminTable
      caption={caption}
      columns={[...COLUMNS]}
      footer={
        <tr className="border-t border-line font-semibold" data-testid="theater-total">
          <th scope="row" className="px-3 py-2 text-left">
            {totalLabel}
          </th>
          {cells(total, totalRevenue).map((c, i) => (
            <td key={i} className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
              {c}
            </td>
          ))}
        </tr>
      }
    >
      {rows.map((r) => (
        <tr key={r.theaterId} className="border-t border-line" data-testid="theater-figures-row">
          <th scope="row" className="px-3 py-2 text-left font-medium">
            {r.name}
          </th>
          {cells(r, formatMoney(r.revenue, r.currency)).map((c, i) => (
            <td key={i} className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
              {c}
            </td>
          ))}
        </tr>
      ))}
    </AdminTable>
  );
}

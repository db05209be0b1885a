import type { TheaterFigures } from "@/lib/admin/dashboard-report";
import { percent } from "@/lib/admin/chart-scale";
import { formatMoney } from "@/lib/money";
import { AdminTable, FiguresRow } from "@/components/admin/admin-table";

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
      footer={<FiguresRow name={totalLabel} cells={cells(total, totalRevenue)} total testId="theater-total" />}
    >
      {rows.map((r) => (
        <FiguresRow key={r.theaterId} name={r.name} cells={cells(r, formatMoney(r.revenue, r.currency))} testId="theater-figures-row" />
      ))}
    </AdminTable>
  );
}

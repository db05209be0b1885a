import type { ReactNode } from "react";

export type AdminColumn = { label: string; align?: "right"; /** Read to screen readers only (e.g. an actions column). */ visuallyHidden?: boolean };

/**
 * The admin pages' tables: scrolls sideways on a tablet rather than squeezing, a caption for
 * screen readers, column headers scoped to their columns. Rows are the caller's (`<tr>`s).
 */
export function AdminTable({ caption, columns, footer, children }: { caption?: ReactNode; columns: AdminColumn[]; footer?: ReactNode; children: ReactNode }) {
  return (
    // relative: the table's visually hidden labels (position: absolute) belong to this scroller, or
    // they would sit past its right edge and widen the whole page on a phone.
    // tabIndex: a table wider than a phone scrolls here, and keyboard users must reach it (axe
    // scrollable-region-focusable); named by its caption as a region.
    <div
      className="relative overflow-x-auto rounded-xl border border-line focus-visible:outline-2 focus-visible:outline-gold"
      tabIndex={0}
      role="region"
      aria-label={typeof caption === "string" ? caption : "Table"}
    >
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-panel text-zinc-300">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={`px-3 py-2 font-medium${c.align === "right" ? " text-right" : ""}`}>
                {c.visuallyHidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}

/**
 * A figures row: its name as the row header, then right-aligned numbers. `total` is the footer's
 * bold row; `testId` names the row for tests.
 */
export function FiguresRow({ name, cells, total = false, testId }: { name: ReactNode; cells: string[]; total?: boolean; testId?: string }) {
  return (
    <tr className={`border-t border-line${total ? " font-semibold" : ""}`} data-testid={testId}>
      <th scope="row" className={`px-3 py-2 text-left${total ? "" : " font-medium"}`}>
        {name}
      </th>
      {cells.map((c, i) => (
        <td key={i} className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
          {c}
        </td>
      ))}
    </tr>
  );
}

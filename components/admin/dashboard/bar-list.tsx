import Link from "next/link";

export type BarItem = { key: string; label: string; value: number; text: string; href?: string; current?: boolean };

/**
 * Horizontal bars as a list: each item's label and value are text a screen reader reads in
 * order; the bar is drawn beside them and hidden from assistive technology.
 */
export function BarList({ items, max, colour = "#f5c451", label, twoColumns = false }: { items: readonly BarItem[]; max: number; colour?: string; label: string; twoColumns?: boolean }) {
  return (
    <ul aria-label={label} className={twoColumns ? "grid gap-x-8 gap-y-2 xl:grid-cols-2" : "space-y-2"}>
      {items.map((item) => (
        <li key={item.key} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1">
          <span className="truncate text-sm">
            {item.href ? (
              <Link href={item.href} aria-current={item.current ? "true" : undefined} className={`underline-offset-2 hover:underline ${item.current ? "font-semibold text-gold" : ""}`}>
                {item.label}
              </Link>
            ) : (
              item.label
            )}
          </span>
          <span className="text-right text-sm tabular-nums text-zinc-200">{item.text}</span>
          <span aria-hidden className="col-span-2 block h-2.5 overflow-hidden rounded-full bg-line">
            <span className="block h-full rounded-full" style={{ width: `${max > 0 ? Math.max(item.value > 0 ? 1 : 0, (item.value / max) * 100) : 0}%`, background: colour }} />
          </span>
        </li>
      ))}
    </ul>
  );
}

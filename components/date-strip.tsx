import Link from "next/link";
import { formatDay } from "@/lib/time";

/** A row of day links; the selected one is marked for screen readers too, not by colour alone. */
export function DateStrip({ dates, selected, hrefFor }: { dates: string[]; selected: string; hrefFor: (date: string) => string }) {
  return (
    <nav aria-label="Choose a day" className="relative -mx-4 overflow-x-auto px-4">
      <ul className="flex gap-2 pb-2">
        {dates.map((date, i) => {
          const active = date === selected;
          const [weekday, ...rest] = formatDay(date).split(", ");
          return (
            <li key={date}>
              <Link
                href={hrefFor(date)}
                aria-current={active ? "date" : undefined}
                className={`flex min-w-16 flex-col items-center rounded-lg border px-3 py-2 text-sm ${
                  active ? "border-gold bg-gold font-semibold text-ink" : "border-line bg-panel text-zinc-200 hover:border-zinc-400"
                }`}
              >
                <span className="whitespace-nowrap">{i === 0 ? "Today" : weekday}</span>
                <span className="whitespace-nowrap text-xs">{rest.join(", ")}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

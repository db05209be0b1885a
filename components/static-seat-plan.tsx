import type { MapLayout } from "@/lib/seat-map/types";

/**
 * The server-rendered seat plan: every seat of the screen placed on its grid, sold seats
 * crossed out. It is what people without JavaScript see, and the seat map replaces it.
 */
export function StaticSeatPlan({ layout, sold }: { layout: MapLayout; sold: Set<string> }) {
  const rows = new Map<string, MapLayout["seats"]>();
  for (const s of layout.seats) rows.set(s.row, [...(rows.get(s.row) ?? []), s]);
  return (
    <div className="space-y-3">
      <div aria-hidden className="mx-auto h-2 w-2/3 rounded-full bg-zinc-300" />
      <p className="text-center text-xs tracking-[0.4em] text-zinc-300">SCREEN</p>
      <div className="overflow-x-auto">
        <div
          className="mx-auto grid gap-0.5"
          style={{ gridTemplateColumns: `repeat(${layout.gridWidth}, minmax(0.75rem, 1.25rem))`, width: "max-content" }}
          aria-hidden
        >
          {layout.seats.map((s) => (
            <span
              key={s.id}
              data-seat-id={s.id}
              style={{ gridColumn: s.x + 1, gridRow: s.y + 1 }}
              className={`aspect-square rounded-sm border text-[0.5rem] ${sold.has(s.id) ? "border-zinc-600 bg-zinc-800" : s.tier === "premium" ? "border-amber-300 bg-amber-300/30" : "border-sky-300 bg-sky-300/20"}`}
            />
          ))}
        </div>
      </div>
      <ul className="sr-only">
        {[...rows].map(([row, seats]) => (
          <li key={row}>
            Row {row}: {seats.filter((s) => !sold.has(s.id)).length} of {seats.length} seats available
          </li>
        ))}
      </ul>
    </div>
  );
}

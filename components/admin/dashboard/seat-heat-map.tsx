export type HeatSeat = { id: string; rowLabel: string; number: number; x: number; y: number; state: "free" | "sold" | "admitted" };

const CELL = 10;
const LOOK = {
  free: { fill: "transparent", stroke: "#71717a", label: "Not sold" },
  sold: { fill: "#f5c451", stroke: "#f5c451", label: "Sold, not yet in" },
  admitted: { fill: "#34d399", stroke: "#34d399", label: "Checked in" },
} as const;

/**
 * Where a show's tickets were sold, seat by seat, on the screen's layout (screen at the top).
 * The drawing is hidden from screen readers, which get the same picture as counts per row.
 */
export function SeatHeatMap({ seats, caption }: { seats: readonly HeatSeat[]; caption: string }) {
  if (seats.length === 0) return <p className="text-zinc-300">This screen has no seats.</p>;
  const minX = Math.min(...seats.map((s) => s.x));
  const minY = Math.min(...seats.map((s) => s.y));
  const width = (Math.max(...seats.map((s) => s.x)) - minX + 1) * CELL;
  const height = (Math.max(...seats.map((s) => s.y)) - minY + 1) * CELL + 2 * CELL;
  const rows = new Map<string, HeatSeat[]>();
  for (const s of seats) rows.set(s.rowLabel, [...(rows.get(s.rowLabel) ?? []), s]);
  const count = (state: HeatSeat["state"]) => seats.filter((s) => s.state === state).length;

  return (
    <figure className="space-y-3">
      <svg viewBox={`-2 -2 ${width + 4} ${height + 4}`} className="mx-auto h-auto max-h-[28rem] w-full max-w-3xl" aria-hidden focusable="false">
        <rect x={width * 0.15} y={0} width={width * 0.7} height={3} rx={1.5} fill="#d4d4d8" />
        {seats.map((s) => (
          <rect
            key={s.id}
            data-state={s.state}
            x={(s.x - minX) * CELL + 1}
            y={(s.y - minY) * CELL + 2 * CELL + 1}
            width={CELL - 2}
            height={CELL - 2}
            rx={2}
            fill={LOOK[s.state].fill}
            stroke={LOOK[s.state].stroke}
            strokeWidth={1}
          />
        ))}
      </svg>
      <figcaption>
        <span className="sr-only">{caption}. </span>
        <ul className="flex flex-wrap justify-center gap-4 text-sm text-zinc-200">
          {(["sold", "admitted", "free"] as const).map((state) => (
            <li key={state} className="flex items-center gap-2">
              <span aria-hidden className="inline-block size-3 rounded-sm border" style={{ background: LOOK[state].fill, borderColor: LOOK[state].stroke }} />
              {LOOK[state].label}: <span className="tabular-nums">{count(state)}</span>
            </li>
          ))}
        </ul>
      </figcaption>
      <ul className="sr-only">
        {[...rows].map(([row, list]) => (
          <li key={row}>
            Row {row}: {list.filter((s) => s.state !== "free").length} of {list.length} sold
            {list.some((s) => s.state === "admitted") ? `, ${list.filter((s) => s.state === "admitted").length} checked in` : ""}
          </li>
        ))}
      </ul>
    </figure>
  );
}

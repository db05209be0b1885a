import { axisTicks, niceCeiling, tickCount } from "@/lib/admin/chart-scale";

export type ColumnSeries = { name: string; colour: string; values: readonly number[] };

type Props = {
  /** Names the chart for screen readers: the caption of its data table. */
  caption: string;
  labels: readonly string[];
  series: readonly ColumnSeries[];
  /** Short text drawn on the chart ("$1.2K"); `formatValue` is what the table reads out. */
  formatShort: (value: number) => string;
  formatValue: (value: number) => string;
  /**
   * The least the axis goes up to (a 1, 2 or 5 × 10ⁿ), so an empty or nearly empty chart keeps
   * sensible ticks: 5 for ticket counts (no fractions), a round sum for money.
   */
  minTop?: number;
};

const W = 720;
const H = 240;
const PAD = { top: 22, right: 8, bottom: 30, left: 56 };

/**
 * Columns per label (one per series), drawn as SVG with the values printed on them. The SVG is
 * decoration for sighted readers; the same numbers are in a table that screen readers get.
 */
export function ColumnChart({ caption, labels, series, formatShort, formatValue, minTop = 1 }: Props) {
  const top = Math.max(minTop, niceCeiling(Math.max(0, ...series.flatMap((s) => s.values))));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const group = plotW / Math.max(1, labels.length);
  const barW = (group * 0.72) / series.length;
  const y = (v: number) => PAD.top + plotH * (1 - v / top);
  // Printing every value only fits while bars are wide enough to carry their text.
  const printValues = barW >= 18;

  return (
    <div className="space-y-2">
      {series.length > 1 && (
        <ul aria-hidden className="flex flex-wrap gap-4 text-sm text-zinc-200">
          {series.map((s) => (
            <li key={s.name} className="flex items-center gap-2">
              <span className="inline-block size-3 rounded-sm" style={{ background: s.colour }} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" aria-hidden focusable="false">
        {axisTicks(top, tickCount(top)).map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#2c2c3d" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#d4d4d8">
              {formatShort(t)}
            </text>
          </g>
        ))}
        {labels.map((label, i) => {
          const x0 = PAD.left + i * group + group * 0.14;
          return (
            <g key={label}>
              {series.map((s, j) => {
                const v = s.values[i] ?? 0;
                const x = x0 + j * barW;
                return (
                  <g key={s.name}>
                    <rect x={x} y={y(v)} width={Math.max(1, barW - 2)} height={Math.max(0, PAD.top + plotH - y(v))} rx="2" fill={s.colour} />
                    {printValues && v > 0 && (
                      <text x={x + (barW - 2) / 2} y={y(v) - 4} textAnchor="middle" fontSize="10" fill="#f1f1f5">
                        {formatShort(v)}
                      </text>
                    )}
                  </g>
                );
              })}
              <text x={PAD.left + i * group + group / 2} y={H - 10} textAnchor="middle" fontSize="11" fill="#d4d4d8">
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      {/* Hidden by a wrapper: a hidden table's caption sits outside the table's box and would widen a phone's page. */}
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => (
                  <td key={s.name}>{formatValue(s.values[i] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

// Axis arithmetic for the dashboard's SVG charts. Pure.

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value`: a round top for a value axis. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** `count` + 1 evenly spaced values from 0 to `top`. */
export function axisTicks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

/** Share as a whole percentage; 0 when there is nothing to share. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/**
 * How many steps to split a niceCeiling() top into so every tick is a round number:
 * 1·10ⁿ and 5·10ⁿ in five steps, 2·10ⁿ in four (0, 5, 10, 15, 20).
 */
export function tickCount(top: number): number {
  const leading = Math.round(top / 10 ** Math.floor(Math.log10(top)));
  return leading === 2 ? 4 : 5;
}

/** The axis top for whole counts (tickets): never under 5, so the ticks are 0–5 rather than fractions. */
export function countCeiling(value: number): number {
  return Math.max(5, niceCeiling(value));
}

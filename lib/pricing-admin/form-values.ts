// Form value parsers the pricing admin inputs share. Pure (zod only).
import { z } from "zod";

/** A checkbox as a form posts it ("on"), or a boolean from a client component. */
export const checkbox = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

/** "17:00" → 1020 minutes after midnight; null for an empty field. */
export function minutesOf(clock: string | null): number | null {
  if (!clock) return null;
  const [h, m] = clock.split(":").map(Number);
  return h * 60 + m;
}

import type { MapTier } from "@/lib/seat-map/types";
import { WHEELCHAIR } from "./areas";

// "Best available for N", rendered with the page (seat-map-with-form.tsx): the form has no
// JavaScript of its own. Its submit and its area choice bubble to the seat map's section, which
// handles them (seat-map.tsx), so none of this markup is in the page's first-load JavaScript.
// Wheelchair spaces are an "area" choice rather than a separate checkbox: it keeps the control
// on one line on a phone, and the spaces sit where they sit whatever the tier.

type Props = {
  /** Prefix of the fields' ids (the show's id: one map per page). */
  idPrefix: string;
  maxSeats: number;
  tiers: readonly MapTier[];
  bestTierName: string | null;
  hasWheelchairSpaces: boolean;
};

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const fieldClass = "h-10 rounded-lg border border-zinc-500 bg-zinc-900 px-2 text-zinc-100";

/** The pick replaces the current selection. Fields: `count`, and `area` (a tier's name, "wheelchair", or "" for the best seats). */
export function BestAvailableControl({ idPrefix, maxSeats, tiers, bestTierName, hasWheelchairSpaces }: Props) {
  const id = `${idPrefix}-best`;
  const showArea = tiers.length > 1 || hasWheelchairSpaces;
  return (
    <form data-best-available="" aria-label="Best available seats" className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-count`} className="text-xs text-zinc-300">
          Seats
        </label>
        <select id={`${id}-count`} name="count" data-testid="best-count" className={fieldClass} defaultValue={Math.min(2, maxSeats)}>
          {Array.from({ length: maxSeats }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      {showArea && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-area`} className="text-xs text-zinc-300">
            Area
          </label>
          <select id={`${id}-area`} name="area" data-testid="best-area" className={fieldClass} defaultValue="">
            <option value="">Best{bestTierName && tiers.length > 1 ? ` (${capitalise(bestTierName)})` : ""}</option>
            {tiers.length > 1 &&
              tiers.map((t) => (
                <option key={t.name} value={t.name}>
                  {capitalise(t.name)}
                </option>
              ))}
            {hasWheelchairSpaces && <option value={WHEELCHAIR}>Wheelchair space</option>}
          </select>
        </div>
      )}
      <button type="submit" data-testid="best-available" className="h-10 rounded-lg bg-sky-300 px-4 font-semibold text-ink hover:bg-sky-200">
        Find seats
      </button>
    </form>
  );
}

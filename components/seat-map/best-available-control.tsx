"use client";
import { useId, useState } from "react";
import type { MapTier } from "@/lib/seat-map/types";

type Props = {
  maxSeats: number;
  tiers: readonly MapTier[];
  bestTierName: string | null;
  hasWheelchairSpaces: boolean;
  onFind: (count: number, preferredTier: string | undefined, wheelchair: boolean) => void;
  /** The area chosen: a tier's name, "wheelchair", or "" for the best seats. */
  onAreaChange?: (area: string) => void;
};

// Wheelchair spaces are an "area" choice rather than a separate checkbox: it keeps the control
// on one line on a phone, and the spaces sit where they sit whatever the tier.
export const WHEELCHAIR = "wheelchair";

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const fieldClass = "h-10 rounded-lg border border-zinc-500 bg-zinc-900 px-2 text-zinc-100";

/** "Best available for N": the pick replaces the current selection. */
export function BestAvailableControl({ maxSeats, tiers, bestTierName, hasWheelchairSpaces, onFind, onAreaChange }: Props) {
  const id = useId();
  const [count, setCount] = useState(Math.min(2, maxSeats));
  const [area, setArea] = useState("");
  const showArea = tiers.length > 1 || hasWheelchairSpaces;
  return (
    <form
      aria-label="Best available seats"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onFind(count, area && area !== WHEELCHAIR ? area : undefined, area === WHEELCHAIR);
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-count`} className="text-xs text-zinc-300">
          Seats
        </label>
        <select id={`${id}-count`} data-testid="best-count" className={fieldClass} value={count} onChange={(e) => setCount(Number(e.target.value))}>
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
          <select id={`${id}-area`} data-testid="best-area" className={fieldClass} value={area} onChange={(e) => {
              setArea(e.target.value);
              onAreaChange?.(e.target.value);
            }}
          >
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

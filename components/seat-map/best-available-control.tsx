"use client";
import { useId, useState } from "react";
import type { MapTier } from "@/lib/seat-map/types";

type Props = {
  maxSeats: number;
  tiers: readonly MapTier[];
  bestTierName: string | null;
  hasWheelchairSpaces: boolean;
  onFind: (count: number, preferredTier: string | undefined, wheelchair: boolean) => void;
};

const fieldClass = "h-10 rounded-lg border border-zinc-500 bg-zinc-900 px-2 text-zinc-100";

/** "Best available for N": the pick replaces the current selection. */
export function BestAvailableControl({ maxSeats, tiers, bestTierName, hasWheelchairSpaces, onFind }: Props) {
  const id = useId();
  const [count, setCount] = useState(Math.min(2, maxSeats));
  const [tier, setTier] = useState("");
  const [wheelchair, setWheelchair] = useState(false);
  return (
    <form
      aria-label="Best available seats"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onFind(count, tier || undefined, wheelchair);
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
      {tiers.length > 1 && (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-tier`} className="text-xs text-zinc-300">
            Area
          </label>
          <select id={`${id}-tier`} className={`${fieldClass} capitalize`} value={tier} onChange={(e) => setTier(e.target.value)}>
            <option value="">Best{bestTierName ? ` (${bestTierName})` : ""}</option>
            {tiers.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {hasWheelchairSpaces && (
        <label className="flex h-10 items-center gap-2 text-sm text-zinc-100">
          <input type="checkbox" className="size-4 accent-amber-300" checked={wheelchair} onChange={(e) => setWheelchair(e.target.checked)} />
          Include a wheelchair space
        </label>
      )}
      <button type="submit" data-testid="best-available" className="h-10 rounded-lg bg-sky-300 px-4 font-semibold text-ink hover:bg-sky-200">
        Find seats
      </button>
    </form>
  );
}

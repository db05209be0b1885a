"use client";
import { dailyShowtimes } from "@/lib/catalog/show-overlap";
import { pickCard } from "@/lib/catalog/card-pick";
import { isIsoDate, formatDay } from "@/lib/time";
import type { PriceCardView } from "@/lib/pricing/types";

/**
 * Which card each new show will get, and why: the same pickCard (over lib/pricing's selectCard)
 * the server runs when it schedules, so what is shown is what is stored.
 */
export function CardPreview({ id, cards, date, time, days, timeZone, format, tiers, overrideId }: { id: string; cards: PriceCardView[]; date: string; time: string; days: number; timeZone: string; format: string; tiers: string[]; overrideId: string }) {
  if (!isIsoDate(date) || !/^\d\d:\d\d$/.test(time)) return null;
  const rows = dailyShowtimes(date, time, days, timeZone).map((t) => {
    const pick = pickCard(cards, { startsAt: t.start, timeZone, format }, overrideId || null);
    const missing = pick ? tiers.filter((tier) => !Object.keys(pick.card.prices[tier] ?? {}).length) : [];
    return { date: t.date, pick, missing };
  });
  return (
    <ul id={id} className="space-y-1 rounded-lg border border-line bg-ink/40 p-3 text-sm" aria-label="Price card of each show" data-testid="card-preview">
      {rows.map(({ date: d, pick, missing }) => (
        <li key={d}>
          <span className="font-medium">{formatDay(d)}:</span>{" "}
          {pick ? (
            <>
              {pick.card.name} <span className="text-zinc-300">({pick.why})</span>
              {missing.length > 0 && <span className="text-red-300"> — has no {missing.join(", ")} prices</span>}
            </>
          ) : (
            <span className="text-red-300">no card fits: make a default card, or choose one</span>
          )}
        </li>
      ))}
    </ul>
  );
}

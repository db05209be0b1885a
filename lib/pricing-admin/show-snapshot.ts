// The snapshot a show goes on sale with: lib/pricing's copy of the card, kept to the tiers the
// show's screen sells, so shows.prices (its "from" prices) names exactly the tiers on sale. Pure.
import { fromPrices, snapshotOfCard } from "@/lib/pricing/snapshot";
import type { PriceCardView, PriceSnapshot } from "@/lib/pricing/types";

export function showSnapshot(card: PriceCardView, liveTypeIds: ReadonlySet<string>, screenTiers: readonly string[], now: Date): { snapshot: PriceSnapshot; fromPrices: Record<string, number> } {
  const whole = snapshotOfCard(card, liveTypeIds, now);
  const snapshot = { ...whole, prices: Object.fromEntries(Object.entries(whole.prices).filter(([tier]) => screenTiers.includes(tier))) };
  return { snapshot, fromPrices: fromPrices(snapshot) };
}

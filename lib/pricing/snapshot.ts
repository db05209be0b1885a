import type { PriceCardView, PriceSnapshot, TicketTypeView } from "./types";

/** The copy of a card's prices a show is put on sale with; retired types' prices are left out. */
export function snapshotOfCard(card: PriceCardView, liveTypeIds: ReadonlySet<string>, now: Date): PriceSnapshot {
  const prices: PriceSnapshot["prices"] = {};
  for (const [tier, byType] of Object.entries(card.prices)) {
    const kept = Object.entries(byType).filter(([typeId]) => liveTypeIds.has(typeId));
    if (kept.length) prices[tier] = Object.fromEntries(kept);
  }
  return { cardId: card.id, cardName: card.name, takenAt: now.toISOString(), prices };
}

/** The lowest price per tier: the seat map's "from" prices, and shows.prices (which tiers are on sale). */
export function fromPrices(snapshot: PriceSnapshot): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [tier, byType] of Object.entries(snapshot.prices)) {
    const amounts = Object.values(byType);
    if (amounts.length) out[tier] = Math.min(...amounts);
  }
  return out;
}

/**
 * What a show sells at: its snapshot, or — for a show scheduled before price cards (or without a
 * card) — its per-tier prices for the theater's first live ticket type (Adult in the seed).
 */
export function effectiveSnapshot(show: { priceSnapshot: PriceSnapshot | null; prices: Record<string, number> }, types: readonly TicketTypeView[]): PriceSnapshot {
  if (show.priceSnapshot) return show.priceSnapshot;
  const first = [...types].filter((t) => !t.retiredAt).sort((a, b) => a.sortOrder - b.sortOrder)[0];
  const prices: PriceSnapshot["prices"] = {};
  if (first) for (const [tier, amount] of Object.entries(show.prices)) prices[tier] = { [first.id]: amount };
  return { cardId: null, cardName: "Show prices", takenAt: new Date(0).toISOString(), prices };
}

/** Tiers of the screen the card has no price at all for (an admin must fill them before using it). */
export function missingTiers(card: Pick<PriceCardView, "prices">, tiers: readonly string[]): string[] {
  return tiers.filter((t) => !Object.keys(card.prices[t] ?? {}).length);
}

import type { Db, Tx } from "@/db/client";
import { priceCardById, priceCardsOfTheater, setShowPriceCard, showPricingFacts, ticketTypesOfTheater, unsoldShowIdsOfCard } from "@/db/queries/pricing";
import { AppError } from "@/lib/errors";
import { selectCard } from "@/lib/pricing/select-card";
import { fromPrices, missingTiers, snapshotOfCard } from "@/lib/pricing/snapshot";
import type { PriceCardView } from "@/lib/pricing/types";

// A show's price card (issue 18): picked by the rules when it is scheduled, or chosen by an admin
// (overridden: the rules no longer move it). The show is put on sale with a SNAPSHOT of the
// card's prices, so a later edit of the card never changes a purchase under way. Editing a card
// re-snapshots only its shows that have no order at all (refreshCardSnapshots); a show with
// sales keeps the prices it was selling at until an admin picks a card for it again.

/**
 * Gives the show its card — `cardId`, or the rules' pick when null — and snapshots it. Refuses a
 * card of another theater or one with no price for a tier the show's screen sells. Returns the
 * card, or null when the theater has no card that applies (the show keeps its own prices).
 */
export async function applyPriceCard(db: Db | Tx, showId: string, opts: { cardId: string | null; tiers: readonly string[]; overridden?: boolean; now?: Date }): Promise<PriceCardView | null> {
  const facts = await showPricingFacts(db, showId);
  if (!facts) throw new AppError("not_found", "That show does not exist.");
  let card: PriceCardView | null;
  if (opts.cardId) {
    card = await priceCardById(db, opts.cardId);
    if (!card || card.theaterId !== facts.theaterId || card.retiredAt) throw new AppError("bad_input", "Choose a price card of this cinema that is in use.");
  } else {
    card = selectCard(await priceCardsOfTheater(db, facts.theaterId), { startsAt: facts.startsAt, timeZone: facts.timeZone, format: facts.format });
    if (!card) return null;
  }
  const types = await ticketTypesOfTheater(db, facts.theaterId);
  const snapshot = snapshotOfCard(card, new Set(types.map((t) => t.id)), opts.now ?? new Date());
  const gaps = missingTiers(snapshot, opts.tiers);
  if (gaps.length) throw new AppError("bad_input", `The price card ${card.name} has no price for ${gaps.join(" and ")} seats. Add them to the card first.`, { tiers: gaps });
  await setShowPriceCard(db, showId, { cardId: card.id, overridden: opts.overridden ?? opts.cardId !== null, snapshot, fromPrices: fromPrices(snapshot) });
  return card;
}

/** After a card is edited: its shows without any order follow it. Returns how many were re-snapshotted. */
export async function refreshCardSnapshots(db: Db | Tx, cardId: string, tiersOfShow: (showId: string) => Promise<readonly string[]>): Promise<number> {
  const showIds = await unsoldShowIdsOfCard(db, cardId);
  for (const id of showIds) {
    const facts = await showPricingFacts(db, id);
    await applyPriceCard(db, id, { cardId, tiers: await tiersOfShow(id), overridden: facts?.priceCardOverridden ?? false });
  }
  return showIds.length;
}

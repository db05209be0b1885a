// Which card a show gets and why, in words: the engine's selectCard (lib/pricing) decides; an
// admin's choice overrides it. Pure, so the scheduling form previews the same pick the server makes.
import { selectCard } from "@/lib/pricing/select-card";
import type { PriceCardView, ShowSlot } from "@/lib/pricing/types";
import { cardRulesInWords } from "./card-rules-words";

export type CardPick<C extends PriceCardView> = { card: C; overridden: boolean; why: string };

export function pickCard<C extends PriceCardView>(cards: readonly C[], slot: ShowSlot, overrideId: string | null): CardPick<C> | null {
  if (overrideId) {
    const chosen = cards.find((c) => c.id === overrideId && !c.retiredAt);
    return chosen ? { card: chosen, overridden: true, why: whyOfCard(chosen, true) } : null;
  }
  const card = selectCard(cards, slot);
  return card ? { card, overridden: false, why: whyOfCard(card, false) } : null;
}

/** Why a show has this card, in words. */
export function whyOfCard(card: PriceCardView, overridden: boolean): string {
  if (overridden) return "chosen by an admin";
  return card.isDefault ? "the default card: no other card fits" : `its rules fit: ${cardRulesInWords(card)}`;
}

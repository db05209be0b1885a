// Which card a show gets and why, in words: the engine's selectCard (lib/pricing) decides; an
// admin's choice overrides it. Pure, so the scheduling form previews the same pick the server makes.
import { selectCard } from "@/lib/pricing/select-card";
import type { PriceCardView, ShowSlot } from "@/lib/pricing/types";
import { cardRulesInWords } from "./card-form-values";

export type CardPick<C extends PriceCardView> = { card: C; overridden: boolean; why: string };

export function pickCard<C extends PriceCardView>(cards: readonly C[], slot: ShowSlot, overrideId: string | null): CardPick<C> | null {
  if (overrideId) {
    const chosen = cards.find((c) => c.id === overrideId && !c.retiredAt);
    return chosen ? { card: chosen, overridden: true, why: "chosen by an admin" } : null;
  }
  const card = selectCard(cards, slot);
  if (!card) return null;
  return { card, overridden: false, why: card.isDefault ? "the default card: no other card fits" : `its rules fit: ${cardRulesInWords(card)}` };
}

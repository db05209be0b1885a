// A scheduled show's card and why it has it, in words, for the shows editor. Pure.
import type { PriceCardView, PriceSnapshot } from "@/lib/pricing/types";
import { cardRulesInWords } from "./card-form-values";

type ShowCardFacts = { priceCardId: string | null; priceCardOverridden: boolean; priceSnapshot: PriceSnapshot | null };

export function showCardInWords(show: ShowCardFacts, cards: readonly PriceCardView[]): { cardName: string; why: string } {
  if (!show.priceSnapshot || !show.priceCardId) return { cardName: "Show prices", why: "scheduled before price cards: sold as Adult" };
  const card = cards.find((c) => c.id === show.priceCardId);
  const name = show.priceSnapshot.cardName;
  if (show.priceCardOverridden) return { cardName: name, why: "chosen by an admin" };
  if (!card) return { cardName: name, why: "by the rules" };
  if (card.retiredAt) return { cardName: name, why: "card retired since; prices as put on sale" };
  return { cardName: name, why: card.isDefault ? "default card" : `rules: ${cardRulesInWords(card)}` };
}

// A stored price card as the form and the lists show it. Pure.
import { formatMoneyInput } from "@/lib/money";
import { rulesOfCard } from "@/lib/catalog/card-rules-words";

export { cardRulesInWords } from "@/lib/catalog/card-rules-words";

type StoredCard = {
  id: string;
  name: string;
  priority: number;
  isDefault: boolean;
  daysOfWeek: number[] | null;
  dayPartFromMinute: number | null;
  dayPartUntilMinute: number | null;
  formats: string[] | null;
  validFrom: string | null;
  validUntil: string | null;
  prices: Record<string, Record<string, number>>;
};

export function cardFormValues(card: StoredCard, currency: string) {
  const prices: Record<string, Record<string, string>> = {};
  for (const [tier, row] of Object.entries(card.prices)) for (const [typeId, amount] of Object.entries(row)) (prices[tier] ??= {})[typeId] = formatMoneyInput(amount, currency);
  return { id: card.id, name: card.name, priority: String(card.priority), ...rulesOfCard(card), prices };
}

export const EMPTY_CARD = { name: "", priority: "0", isDefault: false, startsFrom: "", startsBefore: "", days: [], formats: [], validFrom: "", validUntil: "", prices: {} };

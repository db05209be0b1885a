// A stored price card as the form and the lists show it. Pure.
import { formatMoneyInput } from "@/lib/money";
import { clockOf } from "./form-values";
import { describeRules } from "./price-card-input";

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

export function rulesOfCard(card: StoredCard) {
  return {
    isDefault: card.isDefault,
    startsFrom: clockOf(card.dayPartFromMinute),
    startsBefore: clockOf(card.dayPartUntilMinute),
    days: card.daysOfWeek ?? [],
    formats: card.formats ?? [],
    validFrom: card.validFrom ?? "",
    validUntil: card.validUntil ?? "",
  };
}

/** "Default: any show no other card fits", "starts before 17:00 · Tuesdays". */
export function cardRulesInWords(card: StoredCard): string {
  const r = rulesOfCard(card);
  return describeRules({ ...r, startsFrom: r.startsFrom || null, startsBefore: r.startsBefore || null, validFrom: r.validFrom || null, validUntil: r.validUntil || null });
}

export function cardFormValues(card: StoredCard, currency: string) {
  const prices: Record<string, Record<string, string>> = {};
  for (const [tier, row] of Object.entries(card.prices)) for (const [typeId, amount] of Object.entries(row)) (prices[tier] ??= {})[typeId] = formatMoneyInput(amount, currency);
  return { id: card.id, name: card.name, priority: String(card.priority), ...rulesOfCard(card), prices };
}

export const EMPTY_CARD = { name: "", priority: "0", isDefault: false, startsFrom: "", startsBefore: "", days: [], formats: [], validFrom: "", validUntil: "", prices: {} };

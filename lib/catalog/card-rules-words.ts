// A price card's rules in words ("starts before 17:00 · Tuesdays"), for the scheduler's "why"
// and the pricing pages. Pure.
import type { PriceCardRules } from "@/lib/pricing/types";

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

type Rules = { isDefault: boolean; startsBefore: string | null; startsFrom: string | null; days: number[]; formats: string[]; validFrom: string | null; validUntil: string | null };

/** 1020 → "17:00"; null → "". */
export function clockOf(minutes: number | null): string {
  if (minutes === null) return "";
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The card's rules in words, as the shows editor and the cards list say them. */
export function describeRules(card: Rules): string {
  const parts: string[] = [];
  if (card.startsFrom && card.startsBefore) parts.push(`starts ${card.startsFrom}–${card.startsBefore}`);
  else if (card.startsBefore) parts.push(`starts before ${card.startsBefore}`);
  else if (card.startsFrom) parts.push(`starts at or after ${card.startsFrom}`);
  if (card.days.length && card.days.length < 7) parts.push(card.days.map((d) => `${WEEKDAYS[d]}s`).join(", "));
  if (card.formats.length) parts.push(card.formats.join(" or "));
  if (card.validFrom && card.validUntil) parts.push(`${card.validFrom} to ${card.validUntil}`);
  else if (card.validFrom) parts.push(`from ${card.validFrom}`);
  else if (card.validUntil) parts.push(`until ${card.validUntil}`);
  if (parts.length === 0) return card.isDefault ? "Default: any show no other card fits" : "Any show";
  return (card.isDefault ? "Default; " : "") + parts.join(" · ");
}

export function rulesOfCard(card: PriceCardRules & { isDefault: boolean }) {
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
export function cardRulesInWords(card: PriceCardRules & { isDefault: boolean }): string {
  const r = rulesOfCard(card);
  return describeRules({ ...r, startsFrom: r.startsFrom || null, startsBefore: r.startsBefore || null, validFrom: r.validFrom || null, validUntil: r.validUntil || null });
}


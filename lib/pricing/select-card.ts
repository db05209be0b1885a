import { localSlot } from "./local-slot";
import type { PriceCardRules, PriceCardView, ShowSlot } from "./types";

// Which card a show gets: the cards whose every rule matches the show's start (in the theater's
// zone) and screen format. A specific card (not the default) beats the default. Among several
// specific cards: the highest priority, then the one with more rules (more specific), then the
// name, then the id — so the pick never depends on the order the cards were read in.

/** Whether the card's rules all hold for the show. A card without rules matches every show. */
export function cardMatches(card: PriceCardRules, slot: ShowSlot): boolean {
  const local = localSlot(slot.startsAt, slot.timeZone);
  if (card.daysOfWeek?.length && !card.daysOfWeek.includes(local.weekday)) return false;
  if (card.dayPartFromMinute !== null && local.minute < card.dayPartFromMinute) return false;
  if (card.dayPartUntilMinute !== null && local.minute >= card.dayPartUntilMinute) return false;
  if (card.formats?.length && !card.formats.some((f) => f.toLowerCase() === slot.format.toLowerCase())) return false;
  if (card.validFrom && local.date < card.validFrom) return false;
  if (card.validUntil && local.date > card.validUntil) return false;
  return true;
}

/** How many rule dimensions the card restricts: the more, the more specific. */
export function ruleCount(card: PriceCardRules): number {
  return [
    !!card.daysOfWeek?.length,
    card.dayPartFromMinute !== null || card.dayPartUntilMinute !== null,
    !!card.formats?.length,
    card.validFrom !== null || card.validUntil !== null,
  ].filter(Boolean).length;
}

/** The card the rules pick for a show, or null when the theater has none that applies. Retired cards never. */
export function selectCard<C extends PriceCardView>(cards: readonly C[], slot: ShowSlot): C | null {
  const live = cards.filter((c) => !c.retiredAt && cardMatches(c, slot));
  const specific = live
    .filter((c) => !c.isDefault)
    .sort((a, b) => b.priority - a.priority || ruleCount(b) - ruleCount(a) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return specific[0] ?? live.find((c) => c.isDefault) ?? null;
}

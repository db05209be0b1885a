import "server-only";
import { getDb } from "@/db/client";
import { priceCardById, replaceCardPrices, ticketTypesOfTheater } from "@/db/queries/pricing";
import { comingShowsOnCard, liveDefaultCard, lockTheater, savePriceCardRow, screensOfTheater, setPriceCardRetired, tiersOfShowScreen } from "@/db/queries/pricing-admin";
import { refreshCardSnapshots } from "@/lib/catalog/show-price-card";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AdminActor } from "@/lib/auth/session-user";
import { AppError, badInput, fieldError } from "@/lib/errors";
import { checkCardGrid, gridInWords } from "./card-grid-check";
import { minutesOf } from "./form-values";
import { describeRules } from "@/lib/catalog/card-rules-words";
import type { PriceCardInput } from "./price-card-input";

export type SavedCard = { id: string; comingShows: number; comingShowsWithOrders: number; followed: number };

/**
 * Creates or edits a card and its whole grid, all or nothing. A show with no order yet follows
 * the edit (its snapshot is taken again); a show with any order keeps the snapshot it was sold
 * at, so nobody mid-purchase sees a price move (docs/decisions.md, issue 18). The answer counts
 * both, for the page to say what happened.
 */
export async function savePriceCardFromForm(actor: AdminActor, input: PriceCardInput): Promise<SavedCard> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const theater = await lockTheater(tx, input.theaterId);
    if (!theater) throw fieldError("theaterId", "That theater does not exist.");
    const before = input.id ? await priceCardById(tx, input.id) : null;
    if (input.id && (!before || before.theaterId !== theater.id)) throw new AppError("not_found", "That price card does not exist.");
    if (before?.retiredAt) throw new AppError("bad_input", `${before.name} is retired: use it again before changing it.`);

    const [screenRows, types] = await Promise.all([screensOfTheater(tx, theater.id), ticketTypesOfTheater(tx, theater.id, { includeRetired: true })]);
    const tiersOnSale = [...new Set(screenRows.flatMap((s) => s.tiers))];
    const grid = checkCardGrid(input.prices, tiersOnSale, types, theater.currency);
    if (grid.message) throw badInput(grid.errors, grid.message);
    if (input.isDefault) {
      const other = await liveDefaultCard(tx, theater.id, input.id);
      if (other) throw fieldError("isDefault", `${other.name} is the default card: untick it there first.`);
    }

    const values = {
      theaterId: theater.id,
      name: input.name,
      priority: input.priority,
      isDefault: input.isDefault,
      daysOfWeek: input.days.length && input.days.length < 7 ? input.days : null,
      dayPartFromMinute: minutesOf(input.startsFrom),
      dayPartUntilMinute: minutesOf(input.startsBefore),
      formats: input.formats.length ? input.formats : null,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
    };
    const id = await savePriceCardRow(tx, before?.id ?? null, values);
    const prices: Record<string, Record<string, number>> = {};
    for (const c of grid.cells) (prices[c.tier] ??= {})[c.ticketTypeId] = c.amount;
    await replaceCardPrices(tx, id, prices);
    const followed = before ? await refreshCardSnapshots(tx, id, (showId) => tiersOfShowScreen(tx, showId)) : 0;
    const coming = await comingShowsOnCard(tx, id);
    await recordAudit(tx, actor, before ? "price-card.update" : "price-card.create", { type: "price_card", id }, {
      summary: `${before ? "Changed" : "Created"} price card ${input.name}: ${describeRules(input)}`,
      prices: gridInWords(grid.cells, types, theater.currency),
      ...(before ? { showsFollowingTheEdit: followed } : {}),
    });
    return { id, comingShows: coming.shows, comingShowsWithOrders: coming.withOrders, followed };
  });
}

/** A retired card is no longer picked for new shows; shows that use it keep their snapshot. */
export async function setPriceCardRetiredFromForm(actor: AdminActor, input: { id: string; retired: boolean }, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const card = await priceCardById(tx, input.id);
    if (!card) throw new AppError("not_found", "That price card does not exist.");
    await lockTheater(tx, card.theaterId);
    if (!input.retired && card.isDefault && (await liveDefaultCard(tx, card.theaterId, card.id))) throw new AppError("bad_input", "Another card is the default now: untick it there first.");
    await setPriceCardRetired(tx, card.id, input.retired ? now : null);
    await recordAudit(tx, actor, input.retired ? "price-card.retire" : "price-card.restore", { type: "price_card", id: card.id }, { summary: `${input.retired ? "Retired" : "Uses again"} price card ${card.name}` });
    return { id: card.id, retired: input.retired };
  });
}

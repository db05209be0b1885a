import "server-only";
import { getDb } from "@/db/client";
import { priceCardsOfTheater, setShowPriceCard, ticketTypesOfTheater } from "@/db/queries/pricing";
import { lockShowForCard } from "@/db/queries/pricing-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AdminActor } from "@/lib/auth/session-user";
import { AppError, fieldError } from "@/lib/errors";
import { pickCard } from "@/lib/pricing-admin/card-pick";
import { showSnapshot } from "@/lib/pricing-admin/show-snapshot";
import { missingTiers } from "@/lib/pricing/snapshot";
import { formatDateTime } from "@/lib/time";

/**
 * Puts a show on another card (an admin's choice), or back on the one the rules pick, with a
 * fresh snapshot. Only before its first order: a show with orders keeps the prices it was sold
 * at (docs/decisions.md, issue 18), so nobody mid-purchase sees a price move.
 */
export async function setShowCard(actor: AdminActor, input: { showId: string; priceCardId: string | null }, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await lockShowForCard(tx, input.showId);
    if (!found) throw new AppError("not_found", "That show does not exist.");
    const { show, screen, theater, movieTitle, hasOrders } = found;
    if (show.status === "cancelled") throw new AppError("bad_input", "That show is cancelled.");
    if (show.startsAt <= now) throw new AppError("bad_input", "That show has already started.");
    if (hasOrders) throw new AppError("bad_input", "This show already has orders: it keeps the prices they were made at.");
    const [cards, types] = await Promise.all([priceCardsOfTheater(tx, theater.id), ticketTypesOfTheater(tx, theater.id)]);
    if (input.priceCardId && !cards.some((c) => c.id === input.priceCardId)) throw fieldError("priceCardId", "Choose a price card of this theater that is not retired.");
    const pick = pickCard(cards, { startsAt: show.startsAt, timeZone: theater.timeZone, format: screen.format }, input.priceCardId);
    if (!pick) throw fieldError("priceCardId", "No price card fits this show: make a default card, or choose a card.");
    const missing = missingTiers(pick.card, screen.tiers);
    if (missing.length) throw fieldError("priceCardId", `${pick.card.name} has no ${missing.join(", ")} prices, which ${screen.name} sells.`);
    const { snapshot, fromPrices } = showSnapshot(pick.card, new Set(types.map((t) => t.id)), screen.tiers, now);
    await setShowPriceCard(tx, show.id, { cardId: pick.card.id, overridden: pick.overridden, snapshot, fromPrices });
    await recordAudit(tx, actor, "show.price-card", { type: "show", id: show.id }, {
      summary: `${movieTitle} ${formatDateTime(show.startsAt, theater.timeZone)} on ${screen.name} now sells at ${pick.card.name} (${pick.why})`,
    });
    return { showId: show.id, card: pick.card.name, why: pick.why };
  });
}

import "server-only";
import { getDb } from "@/db/client";
import { lockShowForCard } from "@/db/queries/pricing-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AdminActor } from "@/lib/auth/session-user";
import { AppError, fieldError } from "@/lib/errors";
import { whyOfCard } from "./card-pick";
import { formatDateTime } from "@/lib/time";
import { applyPriceCard } from "./show-price-card";

/**
 * Puts a show on another card (an admin's choice), or back on the one the rules pick, with a
 * fresh snapshot (applyPriceCard). A show with orders may be moved too: its orders keep the
 * lines they were priced at, new sales use the new card (docs/decisions.md, issue 18).
 */
export async function setShowCard(actor: AdminActor, input: { showId: string; priceCardId: string | null }, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await lockShowForCard(tx, input.showId);
    if (!found) throw new AppError("not_found", "That show does not exist.");
    const { show, screen, theater, movieTitle, hasOrders } = found;
    if (show.status === "cancelled") throw new AppError("bad_input", "That show is cancelled.");
    if (show.startsAt <= now) throw new AppError("bad_input", "That show has already started.");
    const card = await applyPriceCard(tx, show.id, { cardId: input.priceCardId, tiers: screen.tiers, now }).catch((err: unknown) => {
      throw err instanceof AppError && err.code === "bad_input" ? fieldError("priceCardId", err.message) : err;
    });
    if (!card) throw fieldError("priceCardId", "No price card fits this show: make a default card, or choose a card.");
    const why = whyOfCard(card, input.priceCardId !== null);
    await recordAudit(tx, actor, "show.price-card", { type: "show", id: show.id }, {
      summary: `${movieTitle} ${formatDateTime(show.startsAt, theater.timeZone)} on ${screen.name} now sells at ${card.name} (${why})${hasOrders ? "; its orders so far keep their prices" : ""}`,
    });
    return { showId: show.id, card: card.name, why };
  });
}

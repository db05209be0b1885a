import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { showById } from "@/db/queries/shows";
import { activeSeatsOfScreen } from "@/db/queries/venue";
import { priceOfTier } from "@/lib/booking/on-sale";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";
import { defaultTypeFor } from "@/lib/booking/price-basket";
import { showPricing } from "@/lib/booking/show-pricing";
import { feeOfType } from "@/lib/pricing/engine";
import { AppError } from "@/lib/errors";
import type { SeatAvailability } from "./schemas";

/**
 * A show's seats with their state for the caller: the same snapshot the seat map polls
 * (sold from Postgres over held from the lock store, the caller's own holds as `mine`), joined
 * with the seat list and prices so an API client can name and price what it picks.
 */
export async function seatAvailability(db: Db, showId: string, holder: string | null): Promise<z.input<typeof SeatAvailability>> {
  const show = await showById(db, showId);
  if (!show) throw new AppError("not_found", "That show does not exist.");
  const [seatRows, snapshot, pricing] = await Promise.all([
    activeSeatsOfScreen(db, show.screenId),
    seatSnapshot(db, showId, holder),
    showPricing(db, showId),
  ]);
  const prices = pricing?.prices ?? {};
  const types = pricing?.types ?? [];
  const firstPrice = (tier: string) => {
    const id = defaultTypeFor({ cardId: null, cardName: "", takenAt: "", prices }, tier, types);
    return id ? prices[tier][id] : null;
  };
  const counts = { available: 0, held: 0, sold: 0, mine: 0 };
  const list = seatRows.map((s) => {
    const state = snapshot.states[s.id] ?? "available";
    counts[state]++;
    const price = priceOfTier(show.prices, s.tier) === null ? null : firstPrice(s.tier);
    return { id: s.id, row: s.rowLabel, number: s.number, kind: s.kind, tier: s.tier, price, onSale: price !== null, state };
  });
  return {
    showId,
    currency: show.currency,
    holdExpiresAt: snapshot.holdExpiresAt ? new Date(snapshot.holdExpiresAt).toISOString() : null,
    counts,
    seats: list,
    ticketPrices: Object.entries(prices).flatMap(([tier, byType]) =>
      types.filter((t) => byType[t.id] !== undefined).map((t) => ({ tier, ticketTypeId: t.id, ticketType: t.name, note: t.note, price: byType[t.id], fee: feeOfType(t, pricing!.theater) })),
    ),
    orderFee: pricing?.theater.bookingFeePerOrder ?? 0,
    tax: { rateBp: pricing?.theater.taxRateBp ?? 0, included: pricing?.theater.pricesIncludeTax ?? false },
  };
}

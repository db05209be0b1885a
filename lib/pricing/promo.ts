import { localSlot } from "./local-slot";
import type { PromoCodeView } from "./types";

export { normaliseCode } from "./promo-code";

export type PromoContext = { showId: string; movieId: string; startsAt: Date; timeZone: string; now: Date };

/**
 * Why the code cannot be used on this show now, as the customer reads it; null = it can. The
 * ticket-type limit is judged per line by the engine (a code for Child tickets simply discounts
 * none of an all-Adult basket, which the engine refuses with its own message).
 */
export function promoRefusal(promo: PromoCodeView, ctx: PromoContext): string | null {
  if (promo.retiredAt) return `The code ${promo.code} is no longer valid.`;
  if (promo.validFrom && ctx.now < promo.validFrom) return `The code ${promo.code} is not valid yet.`;
  if (promo.validUntil && ctx.now >= promo.validUntil) return `The code ${promo.code} has expired.`;
  if (promo.maxRedemptions !== null && promo.redemptions >= promo.maxRedemptions) return `The code ${promo.code} has been used up.`;
  if (promo.showIds?.length && !promo.showIds.includes(ctx.showId)) return `The code ${promo.code} is not valid for this show.`;
  if (promo.movieIds?.length && !promo.movieIds.includes(ctx.movieId)) return `The code ${promo.code} is not valid for this movie.`;
  if (promo.daysOfWeek?.length && !promo.daysOfWeek.includes(localSlot(ctx.startsAt, ctx.timeZone).weekday)) return `The code ${promo.code} is not valid on this day.`;
  return null;
}

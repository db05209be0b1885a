import "server-only";
import type { Db } from "@/db/client";
import { promoByCode, showPricingFacts, theaterPricing, ticketTypesOfTheater } from "@/db/queries/pricing";
import { AppError } from "@/lib/errors";
import { normaliseCode, promoRefusal } from "@/lib/pricing/promo";
import { effectiveSnapshot } from "@/lib/pricing/snapshot";
import type { PromoCodeView, ShowPricing } from "@/lib/pricing/types";

/** The show's prices per tier and type, its theater's types, fees and tax: the type picker prices with them. */
export async function showPricing(db: Db, showId: string): Promise<ShowPricing | null> {
  const facts = await showPricingFacts(db, showId);
  if (!facts) return null;
  const [theater, types] = await Promise.all([theaterPricing(db, facts.theaterId), ticketTypesOfTheater(db, facts.theaterId)]);
  if (!theater) return null;
  const snapshot = effectiveSnapshot(facts, types);
  return { showId, currency: facts.currency, theaterId: facts.theaterId, theater, rating: facts.rating, types, prices: snapshot.prices };
}

/** A code the customer typed on the summary, if it can be used on this show now; refused with why. Checkout judges it again. */
export async function promoForShow(db: Db, showId: string, typed: string, now = new Date()): Promise<PromoCodeView> {
  const facts = await showPricingFacts(db, showId);
  if (!facts) throw new AppError("not_found", "That show does not exist.");
  const code = normaliseCode(typed);
  if (!code) throw new AppError("bad_input", "Type a promo code.");
  const promo = await promoByCode(db, facts.theaterId, code);
  if (!promo) throw new AppError("bad_input", `We don't know the code ${code}. Please check it.`);
  const why = promoRefusal(promo, { showId, movieId: facts.movieId, startsAt: facts.startsAt, timeZone: facts.timeZone, now });
  if (why) throw new AppError("bad_input", why);
  return promo;
}

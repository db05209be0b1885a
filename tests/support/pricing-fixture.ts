import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { screens } from "@/db/schema";
import { insertPriceCard, insertPromoCode, ticketTypesOfTheater, updateTheaterPricing, type NewPromoCode } from "@/db/queries/pricing";
import { applyPriceCard } from "@/lib/catalog/show-price-card";

const noRules = { daysOfWeek: null, dayPartFromMinute: null, dayPartUntilMinute: null, formats: null, validFrom: null, validUntil: null };
const anyLimits = { validFrom: null, validUntil: null, movieIds: null, showIds: null, daysOfWeek: null, ticketTypeIds: null, maxRedemptions: null, perCustomerLimit: null };

/**
 * What a cinema sells, on the seeded theater of a booking world: $1.50 per ticket and $0.99 per
 * order booking fees, 8.88 % sales tax added, no children at R-rated movies, a card pricing
 * Adult/Child/Senior for the standard tier (no Student). Returns the ids tests need.
 */
export async function pricedTheater(db: Db, screenId: string) {
  const [screen] = await db.select().from(screens).where(eq(screens.id, screenId));
  const theaterId = screen.theaterId;
  await updateTheaterPricing(db, theaterId, { bookingFeePerTicket: 150, bookingFeePerOrder: 99, pricesIncludeFees: false, taxRateBp: 888, pricesIncludeTax: false, adultsOnlyRatings: ["R", "NC-17"] });
  const types = await ticketTypesOfTheater(db, theaterId);
  const type = (name: string) => types.find((t) => t.name === name)!;
  const cardId = await insertPriceCard(db, {
    theaterId,
    name: `Test card ${crypto.randomUUID().slice(0, 6)}`,
    priority: 0,
    isDefault: false,
    ...noRules,
    prices: { standard: { [type("Adult").id]: 1250, [type("Child").id]: 900, [type("Senior").id]: 1000 }, premium: { [type("Adult").id]: 1650 } },
  });
  return {
    theaterId,
    cardId,
    adult: type("Adult"),
    child: type("Child"),
    senior: type("Senior"),
    student: type("Student"),
    /** Puts the show on sale with the test card. */
    onSale: (showId: string) => applyPriceCard(db, showId, { cardId, tiers: screen.tiers }),
    async promo(code: string, extra: Partial<NewPromoCode> = {}) {
      return insertPromoCode(db, { theaterId, code, kind: "percent", amount: 10, appliesTo: "order", ...anyLimits, ...extra });
    },
  };
}

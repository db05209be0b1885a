import { sql } from "drizzle-orm";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "./client";
import { movies, screens, seats, shows, theaters } from "./schema";
import { insertDefaultTicketTypes, insertPriceCard, insertPromoCode, priceCardsOfTheater, setShowPriceCard, updateTheaterPricing } from "./queries/pricing";
import { selectCard } from "@/lib/pricing/select-card";
import { fromPrices, snapshotOfCard } from "@/lib/pricing/snapshot";
import type { TicketTypeView } from "@/lib/pricing/types";
import * as data from "./seed-data";
import { addDays, localDate, zonedToUtc } from "@/lib/time";

export const SEED_DAYS = 7;
// Time between two shows in one screen for cleaning and ads, rounded into the end time.
const TRAILERS_MINUTES = 15;

/**
 * Loads the demo cinema when the database has no theater yet. Safe to call on every start and
 * from several instances at once: callers hold the migration advisory lock (Postgres), and the
 * check-and-insert runs in one transaction.
 */
export async function seedIfEmpty(db: Db, now = new Date(), opts: { demoPricing?: boolean; stories?: boolean } = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ n: sql<number>`count(*)::int` }).from(theaters);
    if (existing[0].n > 0) return false;

    const [theater] = await tx.insert(theaters).values(data.theater).returning();
    const types = await insertDefaultTicketTypes(tx, theater.id);
    const movieRows = await tx
      .insert(movies)
      .values(data.movies.map(({ colors: _colors, ...m }) => ({ ...m, posterUrl: `/posters/${m.slug}.svg` })))
      .returning();

    const today = localDate(now, theater.timeZone);
    let rotation = 0;
    for (const spec of data.screens) {
      const layout = spec.build();
      const [screen] = await tx
        .insert(screens)
        .values({ theaterId: theater.id, name: spec.name, format: spec.format, tiers: spec.tiers, gridWidth: layout.gridWidth, gridHeight: layout.gridHeight })
        .returning();
      await tx.insert(seats).values(layout.seats.map((s) => ({ ...s, screenId: screen.id })));

      const showRows = [];
      for (let day = 0; day < SEED_DAYS; day++) {
        const date = addDays(today, day);
        for (const time of data.dailyStarts[spec.name]) {
          const movie = movieRows[rotation++ % movieRows.length];
          const startsAt = zonedToUtc(date, time, theater.timeZone);
          const endsAt = new Date(startsAt.getTime() + (movie.runtimeMinutes + TRAILERS_MINUTES) * 60_000);
          showRows.push({ screenId: screen.id, movieId: movie.id, startsAt, endsAt, prices: spec.prices, currency: "usd" });
        }
      }
      await tx.insert(shows).values(showRows);
    }
    // Tests get the plain cinema (every show sells Adult at its screen's prices, no fee or tax);
    // the demo (SEED_DEMO, npm run db:seed) sells what a real cinema does.
    if (opts.demoPricing) await seedDemoPricing(tx, theater.id, types, now);
    // `npm run demo` only: customers, bookings and a waiting party for issue 21's stories.
    if (opts.stories) await (await import("./seed-stories")).seedStories(tx, now);
    return true;
  });
}

/** Fee, tax, the four demo cards, MARQUEE10, and every seeded show put on sale with its card by the rules. */
async function seedDemoPricing(tx: Tx, theaterId: string, types: TicketTypeView[], now: Date): Promise<void> {
  await updateTheaterPricing(tx, theaterId, data.demoPricing.theater);
  const typeId = new Map(types.map((t) => [t.name, t.id]));
  const noRules = { daysOfWeek: null, dayPartFromMinute: null, dayPartUntilMinute: null, formats: null, validFrom: null, validUntil: null };
  for (const card of data.demoPricing.cards) {
    const prices = Object.fromEntries(Object.entries(card.prices).map(([tier, byName]) => [tier, Object.fromEntries(Object.entries(byName).map(([name, amount]) => [typeId.get(name)!, amount]))]));
    await insertPriceCard(tx, { theaterId, name: card.name, priority: card.priority, isDefault: card.isDefault, ...noRules, ...card.rules, prices });
  }
  for (const promo of data.demoPricing.promoCodes) {
    await insertPromoCode(tx, { theaterId, ...promo, validFrom: null, validUntil: null, movieIds: null, showIds: null, daysOfWeek: null, ticketTypeIds: null, maxRedemptions: null, perCustomerLimit: null });
  }
  const cards = await priceCardsOfTheater(tx, theaterId);
  const live = new Set(types.map((t) => t.id));
  const [{ timeZone }] = await tx.select({ timeZone: theaters.timeZone }).from(theaters).where(eq(theaters.id, theaterId));
  const rows = await tx.select({ id: shows.id, startsAt: shows.startsAt, format: screens.format }).from(shows).innerJoin(screens, eq(screens.id, shows.screenId));
  for (const show of rows) {
    const card = selectCard(cards, { startsAt: show.startsAt, timeZone, format: show.format });
    if (!card) continue;
    const snapshot = snapshotOfCard(card, live, now);
    await setShowPriceCard(tx, show.id, { cardId: card.id, overridden: false, snapshot, fromPrices: fromPrices(snapshot) });
  }
}

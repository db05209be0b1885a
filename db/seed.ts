import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "./client";
import { movies, screens, seats, shows, theaterManagers, theaters, users } from "./schema";
import { insertDefaultTicketTypes, insertPriceCard, insertPromoCode, priceCardsOfTheater, setShowPriceCard, updateTheaterPricing } from "./queries/pricing";
import { selectCard } from "@/lib/pricing/select-card";
import { fromPrices, snapshotOfCard } from "@/lib/pricing/snapshot";
import type { TicketTypeView } from "@/lib/pricing/types";
import * as data from "./seed-data";
import { addDays, localDate, zonedToUtc } from "@/lib/time";

export const SEED_DAYS = 7;
/** The demo's past: this many days of shows before today, sold and checked in by db/seed-sales.ts. */
export const PAST_DAYS = 30;
// Time between two shows in one screen for cleaning and ads, rounded into the end time.
const TRAILERS_MINUTES = 15;
const DAY_MS = 24 * 3600_000;

type MovieRow = typeof movies.$inferSelect;
type SeedTheater = typeof data.theater;
type Pricing = typeof data.demoPricing;

export type SeedOptions = {
  /** The demo chain: a second theater (Los Angeles), what both sell, tags, staff accounts, a month of past shows. */
  demo?: boolean;
  /** `npm run demo` only: issue 21's story bookings (db/seed-stories.ts). */
  stories?: boolean;
};

/**
 * Loads the demo cinema when the database has no theater yet. Safe to call on every start and
 * from several instances at once: callers hold the migration advisory lock (Postgres), and the
 * check-and-insert runs in one transaction. Tests get the plain first theater (New York: three
 * screens, a week of shows, every show selling Adult at its screen's prices); the demo adds the
 * rest (SeedOptions). Past sales are not made here but by db/seed-sales.ts after this commits,
 * through the order code, which runs its own transactions.
 */
export async function seedIfEmpty(db: Db, now = new Date(), opts: SeedOptions = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ n: sql<number>`count(*)::int` }).from(theaters);
    if (existing[0].n > 0) return false;

    const movieRows = await tx
      .insert(movies)
      .values(data.movies.map(({ colors: _colors, ...m }) => ({ ...m, posterUrl: `/posters/${m.slug}.svg` })))
      .returning();
    const firstDay = opts.demo ? -PAST_DAYS : 0;

    // New York is the first theater (getTheater and every "first theater" default): created first.
    const ny = await seedTheater(tx, data.theater, data.screens, movieRows, now, { firstDay, tags: opts.demo, createdAt: opts.demo ? new Date(now.getTime() - 730 * DAY_MS) : undefined });
    if (opts.demo) {
      const la = await seedTheater(tx, data.laTheater, data.laScreens, movieRows, now, { firstDay, tags: true, createdAt: new Date(now.getTime() - 120 * DAY_MS) });
      await seedPricing(tx, ny.id, ny.types, data.demoPricing, now);
      await seedPricing(tx, la.id, la.types, data.laPricing, now);
      await seedStaff(tx, { [data.theater.slug]: ny.id, [data.laTheater.slug]: la.id });
    }
    if (opts.stories) await (await import("./seed-stories")).seedStories(tx, now);
    return true;
  });
}

/** One theater: its ticket types, screens with their seats, and shows from `firstDay` for a week past today. */
async function seedTheater(
  tx: Tx,
  spec: SeedTheater,
  screenSpecs: data.SeedScreen[],
  movieRows: MovieRow[],
  now: Date,
  opts: { firstDay: number; tags?: boolean; createdAt?: Date },
): Promise<{ id: string; types: TicketTypeView[] }> {
  const [theater] = await tx
    .insert(theaters)
    .values({ ...spec, ...(opts.createdAt ? { createdAt: opts.createdAt } : {}) })
    .returning();
  const types = await insertDefaultTicketTypes(tx, theater.id);
  const today = localDate(now, theater.timeZone);
  let rotation = 0;
  for (const screenSpec of screenSpecs) {
    const layout = screenSpec.build();
    const [screen] = await tx
      .insert(screens)
      .values({ theaterId: theater.id, name: screenSpec.name, format: screenSpec.format, tiers: screenSpec.tiers, gridWidth: layout.gridWidth, gridHeight: layout.gridHeight })
      .returning();
    await tx.insert(seats).values(layout.seats.map((s) => ({ ...s, screenId: screen.id })));

    const playing = screenSpec.movies ? movieRows.filter((m) => screenSpec.movies!.includes(m.slug)) : movieRows;
    const showRows = [];
    for (let day = opts.firstDay; day < SEED_DAYS; day++) {
      const date = addDays(today, day);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      for (const time of data.dailyStarts[screenSpec.name]) {
        const movie = playing[rotation++ % playing.length];
        const startsAt = zonedToUtc(date, time, theater.timeZone);
        const endsAt = new Date(startsAt.getTime() + (movie.runtimeMinutes + TRAILERS_MINUTES) * 60_000);
        const tags = opts.tags ? data.demoTags(screenSpec.name, weekday, time) : [];
        showRows.push({ screenId: screen.id, movieId: movie.id, startsAt, endsAt, prices: screenSpec.prices, currency: theater.currency, tags });
      }
    }
    await tx.insert(shows).values(showRows);
  }
  return { id: theater.id, types };
}

/** Fee, tax, the theater's cards, MARQUEE10, and every show of the theater put on sale with its card by the rules. */
async function seedPricing(tx: Tx, theaterId: string, types: TicketTypeView[], pricing: Pricing, now: Date): Promise<void> {
  await updateTheaterPricing(tx, theaterId, pricing.theater);
  const typeId = new Map(types.map((t) => [t.name, t.id]));
  const noRules = { daysOfWeek: null, dayPartFromMinute: null, dayPartUntilMinute: null, formats: null, validFrom: null, validUntil: null };
  for (const card of pricing.cards) {
    const prices = Object.fromEntries(Object.entries(card.prices).map(([tier, byName]) => [tier, Object.fromEntries(Object.entries(byName).map(([name, amount]) => [typeId.get(name)!, amount]))]));
    await insertPriceCard(tx, { theaterId, name: card.name, priority: card.priority, isDefault: card.isDefault, ...noRules, ...card.rules, prices });
  }
  for (const promo of pricing.promoCodes) {
    await insertPromoCode(tx, { theaterId, ...promo, validFrom: null, validUntil: null, movieIds: null, showIds: null, daysOfWeek: null, ticketTypeIds: null, maxRedemptions: null, perCustomerLimit: null });
  }
  const cards = await priceCardsOfTheater(tx, theaterId);
  const live = new Set(types.map((t) => t.id));
  const [{ timeZone }] = await tx.select({ timeZone: theaters.timeZone }).from(theaters).where(eq(theaters.id, theaterId));
  const rows = await tx
    .select({ id: shows.id, startsAt: shows.startsAt, format: screens.format })
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(eq(screens.theaterId, theaterId));
  for (const show of rows) {
    const card = selectCard(cards, { startsAt: show.startsAt, timeZone, format: show.format });
    if (!card) continue;
    const snapshot = snapshotOfCard(card, live, now);
    await setShowPriceCard(tx, show.id, { cardId: card.id, overridden: false, snapshot, fromPrices: fromPrices(snapshot) });
  }
}

/** The chain admin and one site manager per theater (data.staffAccounts), by theater slug. */
async function seedStaff(tx: Tx, theaterIdBySlug: Record<string, string>): Promise<void> {
  const rows = await tx
    .insert(users)
    .values(data.staffAccounts.map((a) => ({ email: a.email, name: a.name, role: a.role })))
    .returning({ id: users.id, email: users.email });
  const chainAdmin = rows.find((r) => r.email === data.staffAccounts[0].email)!;
  const grants = data.staffAccounts.flatMap((a) => a.manages.map((slug) => ({ userId: rows.find((r) => r.email === a.email)!.id, theaterId: theaterIdBySlug[slug], grantedBy: chainAdmin.id })));
  if (grants.length) await tx.insert(theaterManagers).values(grants);
}


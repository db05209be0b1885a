import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { movies, screens, seats, shows, theaters } from "./schema";
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
export async function seedIfEmpty(db: Db, now = new Date(), opts: { stories?: boolean } = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ n: sql<number>`count(*)::int` }).from(theaters);
    if (existing[0].n > 0) return false;

    const [theater] = await tx.insert(theaters).values(data.theater).returning();
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
    // `npm run demo` only: customers, bookings and a waiting party for issue 21's stories.
    if (opts.stories) await (await import("./seed-stories")).seedStories(tx, now);
    return true;
  });
}

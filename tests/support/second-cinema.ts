import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { movies, screens, seats, shows, theaters } from "@/db/schema";
import { addDays, localDate, zonedToUtc } from "@/lib/time";

// A second cinema for the tests and benchmarks of issue 19's public pages, in another zone than the
// demo's New York one, until the demo seeds its own (db/seed*.ts belongs to the seed work): one
// IMAX screen of 40 seats with two wheelchair spaces (row D), and the first three active movies
// twice a day for a week, the afternoon show IMAX, the evening one IMAX with audio description.

export const SECOND_CINEMA = {
  slug: "sunset",
  name: "Marquee Sunset",
  address: "6360 Sunset Blvd, Los Angeles, CA 90028",
  timeZone: "America/Los_Angeles",
} as const;

export const AFTERNOON_TAGS = ["imax"];
export const EVENING_TAGS = ["imax", "audio-description"];

export async function addSecondCinema(db: Db, now = new Date(), days = 7) {
  const [theater] = await db.insert(theaters).values(SECOND_CINEMA).returning();
  const [screen] = await db
    .insert(screens)
    .values({ theaterId: theater.id, name: "IMAX", format: "imax", tiers: ["standard"], gridWidth: 10, gridHeight: 4 })
    .returning();
  const seatRows = await db
    .insert(seats)
    .values(
      ["A", "B", "C", "D"].flatMap((row, y) =>
        Array.from({ length: 10 }, (_, x) => ({ screenId: screen.id, rowLabel: row, number: x + 1, x, y, kind: row === "D" && x < 2 ? ("wheelchair" as const) : ("standard" as const) })),
      ),
    )
    .returning();
  const films = await db.select().from(movies).where(eq(movies.status, "active")).orderBy(asc(movies.title)).limit(3);
  const today = localDate(now, theater.timeZone);
  const rows = [];
  for (let day = 0; day < days; day++) {
    const date = addDays(today, day);
    for (const [i, film] of films.entries()) {
      for (const [time, tags] of [[`1${3 + i}:00`, AFTERNOON_TAGS], [`${19 + i}:30`, EVENING_TAGS]] as const) {
        const startsAt = zonedToUtc(date, time, theater.timeZone);
        rows.push({ screenId: screen.id, movieId: film.id, startsAt, endsAt: new Date(startsAt.getTime() + (film.runtimeMinutes + 20) * 60_000), prices: { standard: 1500 }, tags: [...tags] });
      }
    }
  }
  // Different movies at overlapping times share one screen here: a listing fixture, not a schedule.
  const showRows = await db.insert(shows).values(rows).returning();
  return { theater, screen, seats: seatRows, shows: showRows, movies: films };
}

/** How many theaters there are (a script adds the second cinema only to a one-theater demo). */
export async function theaterCount(db: Db): Promise<number> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(theaters);
  return n;
}

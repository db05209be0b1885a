import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { movieForAdmin, moviesForAdmin } from "@/db/queries/movies";
import { movies, shows } from "@/db/schema";
import { createTestDatabase } from "../support/test-db";

// The admin movie list's query on the seeded week: the filter and the upcoming-show counts.

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase({ seed: true });
  db = database.db as Db;
});
afterAll(async () => {
  await database?.close();
});

describe("admin movie list", () => {
  it("counts each movie's scheduled shows from now on, and filters by status", async () => {
    const [first, second] = await db.select().from(movies).orderBy(movies.title).limit(2);
    await db.update(movies).set({ status: "archived" }).where(eq(movies.id, second.id));
    // A cancelled show is not upcoming for the list.
    const [cancelled] = await db.select().from(shows).where(eq(shows.movieId, first.id)).limit(1);
    await db.update(shows).set({ status: "cancelled" }).where(eq(shows.id, cancelled.id));

    const now = new Date();
    const expected = async (movieId: string) =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(shows).where(and(eq(shows.movieId, movieId), eq(shows.status, "scheduled"), gte(shows.startsAt, now))))[0].n;

    const active = await moviesForAdmin(db, "active", now);
    expect(active.map((r) => r.movie.id)).toContain(first.id);
    expect(active.map((r) => r.movie.id)).not.toContain(second.id);
    const row = active.find((r) => r.movie.id === first.id)!;
    expect(row.upcomingShows).toBeGreaterThan(0);
    expect(row.upcomingShows).toBe(await expected(first.id));

    expect((await moviesForAdmin(db, "archived", now)).map((r) => r.movie.id)).toEqual([second.id]);
    expect(await moviesForAdmin(db, "all", now)).toHaveLength(active.length + 1);
    // Counted from `now`: far in the future, nothing is upcoming any more.
    expect((await moviesForAdmin(db, "all", new Date("2999-01-01"))).every((r) => r.upcomingShows === 0)).toBe(true);

    expect((await movieForAdmin(db, first.id))?.title).toBe(first.title);
    expect(await movieForAdmin(db, crypto.randomUUID())).toBeNull();
  });
});

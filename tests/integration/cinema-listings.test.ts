import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { seats, theaters } from "@/db/schema";
import { programmeOf, showtimesOfMovie, tagsOnSale } from "@/db/queries/catalog";
import { insertHouseSeats } from "@/db/queries/house-seats";
import { hasEveryTag } from "@/lib/show-tags";
import { tagsFromSearch } from "@/lib/catalog/tag-filter";
import { addDays, localDate, localDays } from "@/lib/time";
import { bookingWorld } from "../support/booking-fixture";
import { addSecondCinema, EVENING_TAGS, SECOND_CINEMA } from "../support/second-cinema";

// The public listing queries of a chain (issue 19) on the seeded demo cinema (New York) plus the
// second cinema of tests/support (Los Angeles): one cinema's programme, the tag filter (stored
// tags, and `wheelchair` worked out from the seats sold and kept), the local date of each zone.

let world: Awaited<ReturnType<typeof bookingWorld>>;
let la: Awaited<ReturnType<typeof addSecondCinema>>;
let ny: typeof theaters.$inferSelect;
const now = new Date();
let staffId: string;

beforeAll(async () => {
  world = await bookingWorld();
  [ny] = await world.db.select().from(theaters).where(eq(theaters.slug, "new-york"));
  la = await addSecondCinema(world.db, now);
  staffId = (await world.admin("house@example.com")).id;
});
afterAll(() => world?.close());

const tomorrow = (tz: string) => addDays(localDate(now, tz), 1);
const showsIn = (listings: Awaited<ReturnType<typeof programmeOf>>) => listings.flatMap((l) => l.shows);

describe("one cinema's programme", () => {
  it("lists only that cinema's shows, within the local day of its own zone", async () => {
    for (const cinema of [ny, la.theater]) {
      const date = tomorrow(cinema.timeZone);
      const shows = showsIn(await programmeOf(world.db, { theaterId: cinema.id, date, timeZone: cinema.timeZone }, now));
      expect(shows.length).toBeGreaterThan(0);
      const { from, to } = localDays(date, cinema.timeZone);
      for (const s of shows) {
        expect(s.theaterId).toBe(cinema.id);
        expect(s.startsAt >= from && s.startsAt < to).toBe(true);
      }
    }
    // Los Angeles' fixture: three movies, two shows each a day.
    const laShows = showsIn(await programmeOf(world.db, { theaterId: la.theater.id, date: tomorrow(SECOND_CINEMA.timeZone), timeZone: SECOND_CINEMA.timeZone }, now));
    expect(laShows).toHaveLength(6);
  });

  it("leaves out the shows that have started (today only has what is still to come)", async () => {
    const date = tomorrow(SECOND_CINEMA.timeZone);
    const [first] = showsIn(await programmeOf(world.db, { theaterId: la.theater.id, date, timeZone: SECOND_CINEMA.timeZone }, now)).sort((a, b) => +a.startsAt - +b.startsAt);
    const later = new Date(first.startsAt.getTime() + 60_000);
    const rest = showsIn(await programmeOf(world.db, { theaterId: la.theater.id, date, timeZone: SECOND_CINEMA.timeZone }, later));
    expect(rest).toHaveLength(5);
    expect(rest.some((s) => s.id === first.id)).toBe(false);
  });

  it("filters by every asked-for stored tag (IMAX + audio description = both)", async () => {
    const date = tomorrow(SECOND_CINEMA.timeZone);
    const q = { theaterId: la.theater.id, date, timeZone: SECOND_CINEMA.timeZone };
    const all = showsIn(await programmeOf(world.db, q, now));
    const both = showsIn(await programmeOf(world.db, { ...q, tags: ["imax", "audio-description"] }, now));
    expect(both.map((s) => s.id).sort()).toEqual(all.filter((s) => hasEveryTag(s.tags, ["imax", "audio-description"])).map((s) => s.id).sort());
    expect(both).toHaveLength(3);
    expect(both.every((s) => EVENING_TAGS.every((t) => s.tags.includes(t)))).toBe(true);
    expect(showsIn(await programmeOf(world.db, { ...q, tags: ["imax"] }, now))).toHaveLength(6);
    expect(showsIn(await programmeOf(world.db, { ...q, tags: ["imax", "3d"] }, now))).toHaveLength(0);
  });

  it("offers the tags on sale at that cinema", async () => {
    expect((await tagsOnSale(world.db, { theaterId: la.theater.id }, now)).sort()).toEqual(["audio-description", "imax"]);
  });
});

describe("the wheelchair filter (spaces free, worked out from the seats)", () => {
  it("drops a show whose wheelchair spaces are all kept by the house, and keeps the others", async () => {
    const date = addDays(localDate(now, SECOND_CINEMA.timeZone), 2);
    const q = { theaterId: la.theater.id, date, timeZone: SECOND_CINEMA.timeZone, tags: ["wheelchair"] };
    const before = showsIn(await programmeOf(world.db, q, now));
    expect(before).toHaveLength(6);
    const spaces = la.seats.filter((s) => s.kind === "wheelchair").map((s) => s.id);
    await insertHouseSeats(world.db, before[0].id, [spaces[0]], staffId, "");
    expect(showsIn(await programmeOf(world.db, q, now))).toHaveLength(6);
    await insertHouseSeats(world.db, before[0].id, [spaces[1]], staffId, "");
    const after = showsIn(await programmeOf(world.db, q, now));
    expect(after.map((s) => s.id).sort()).toEqual(before.slice(1).map((s) => s.id).sort());
  });

  it("drops a show once its wheelchair spaces are sold through the real order code", async () => {
    const { show } = await world.aShow(3);
    const spaces = await world.db.select().from(seats).where(and(eq(seats.screenId, show.screenId), eq(seats.kind, "wheelchair"), eq(seats.active, true)));
    expect(spaces.length).toBeGreaterThan(0);
    const date = localDate(show.startsAt, ny.timeZone);
    const q = { theaterId: ny.id, date, timeZone: ny.timeZone, tags: ["wheelchair"] };
    expect(showsIn(await programmeOf(world.db, q, now)).some((s) => s.id === show.id)).toBe(true);
    await world.buy(show.id, spaces.map((s) => s.id));
    expect(showsIn(await programmeOf(world.db, q, now)).some((s) => s.id === show.id)).toBe(false);
    // A stored tag and the computed one together: both must hold.
    expect(showsIn(await programmeOf(world.db, { ...q, tags: ["wheelchair", "imax"] }, now)).every((s) => s.tags.includes("imax"))).toBe(true);
  });
});

describe("a movie's showtimes across the chain", () => {
  it("lists every cinema's shows of the movie, filtered by tags", async () => {
    const movie = la.movies[0];
    const all = await showtimesOfMovie(world.db, movie.id, [], now);
    expect(new Set(all.map((s) => s.theaterId))).toEqual(new Set([ny.id, la.theater.id]));
    const described = await showtimesOfMovie(world.db, movie.id, ["audio-description"], now);
    expect(described.length).toBeGreaterThan(0);
    expect(described.every((s) => s.theaterId === la.theater.id && s.tags.includes("audio-description"))).toBe(true);
    expect(await tagsOnSale(world.db, { movieId: movie.id }, now)).toEqual(expect.arrayContaining(["imax", "audio-description"]));
  });
});

describe("the filter in the URL", () => {
  it("keeps known tags once each, in vocabulary order, and drops the rest", () => {
    expect(tagsFromSearch(["wheelchair", "audio-description", "imax", "imax", "<script>", ""])).toEqual(["imax", "audio-description", "wheelchair"]);
    expect(tagsFromSearch("lang:es")).toEqual(["lang:es"]);
    expect(tagsFromSearch(undefined)).toEqual([]);
  });
});

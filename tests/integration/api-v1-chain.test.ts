import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { houseSeats, movies, seats, shows, theaters } from "@/db/schema";
import { ApiError, ShowList, TheaterList } from "@/lib/api/schemas";
import { setRateLimitsForTests } from "@/lib/rate-limit";
import { PEER_ADDRESS_HEADER } from "@/lib/rate-limit/peer-address";
import { createScreen } from "@/lib/venue/create-screen";
import { addDays, localDate, zonedToUtc } from "@/lib/time";
import { bookingWorld } from "../support/booking-fixture";

// /api/v1 for a chain (issue 19): the theaters, and shows found by theater, date and tags. The
// route handlers run as Next calls them on a seeded database of this file's own, with a second
// theater in another time zone; only next/headers stands in for the caller's address.
let address = 1;
vi.mock("next/headers", () => ({
  headers: async () => (await import("../support/browser-headers")).browserHeaders(new Map(), { host: "localhost:3999", [PEER_ADDRESS_HEADER]: `198.51.100.${address}` }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(new Map()),
}));

const theatersRoute = await import("@/app/api/v1/theaters/route");
const showsRoute = await import("@/app/api/v1/shows/route");
const openApiRoute = await import("@/app/api/v1/openapi.json/route");

let world: Awaited<ReturnType<typeof bookingWorld>>;
const LA = "America/Los_Angeles";
let westside: string;
let day: string;
/** s1: 23:30 LA on `day` (already the next day in UTC), IMAX + AD; s2: 19:00, IMAX, its wheelchair space kept; s3: the day after, IMAX + AD + Spanish. */
const ids = { s1: "", s2: "", s3: "", east: "" };

const get = async (query: string) => {
  address += 1;
  return showsRoute.GET(new Request(`http://localhost:3999/api/v1/shows${query}`));
};
const showsFor = async (query: string) => {
  const res = await get(query);
  expect(res.status, query).toBe(200);
  return ShowList.parse(await res.json());
};
const westIds = (list: { shows: { id: string }[] }) => list.shows.map((s) => s.id).filter((id) => [ids.s1, ids.s2, ids.s3].includes(id));

beforeAll(async () => {
  setRateLimitsForTests(undefined);
  world = await bookingWorld();
  const admin = await world.admin("api-chain@example.com");
  const [theater] = await world.db
    .insert(theaters)
    .values({ slug: "westside", name: "Marquee Westside", address: "1 Sunset Blvd, Los Angeles", timeZone: LA, idNotice: "Photo ID is required for R-rated films." })
    .returning();
  westside = theater.id;
  const screenId = (await createScreen(admin, { theaterId: westside, name: "IMAX", format: "IMAX", tiers: ["standard"], rows: 2, seatsPerRow: 4 })).id;
  const [wheelchair] = await world.db.insert(seats).values({ screenId, rowLabel: "W", number: 1, x: 0, y: 3, kind: "wheelchair", tier: "standard" }).returning();
  const [movie] = await world.db.select().from(movies).where(eq(movies.status, "active")).limit(1);
  day = addDays(localDate(new Date(), LA), 3);
  const at = (date: string, time: string, tags: string[]) => {
    const startsAt = zonedToUtc(date, time, LA);
    return { screenId, movieId: movie.id, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), prices: { standard: 1500 }, tags };
  };
  const [s1, s2, s3] = await world.db
    .insert(shows)
    .values([at(day, "23:30", ["imax", "audio-description"]), at(day, "19:00", ["imax"]), at(addDays(day, 1), "10:00", ["imax", "audio-description", "lang:es"])])
    .returning();
  Object.assign(ids, { s1: s1.id, s2: s2.id, s3: s3.id });
  await world.db.insert(houseSeats).values({ showId: s2.id, seatId: wheelchair.id });
  // A show of the first theater with only one of the two tags.
  const east = await world.aShow(1);
  ids.east = east.show.id;
  await world.db.update(shows).set({ tags: ["audio-description"] }).where(eq(shows.id, east.show.id));
});
afterAll(async () => {
  await world?.close();
  setRateLimitsForTests(undefined);
});

describe("GET /api/v1/theaters", () => {
  it("lists every theater by name with its zone and ID notice", async () => {
    const res = await theatersRoute.GET(new Request("http://localhost:3999/api/v1/theaters"));
    expect(res.status).toBe(200);
    const body = TheaterList.parse(await res.json());
    expect(body.theaters.length).toBe((await world.db.select().from(theaters)).length);
    expect(body.theaters.map((t) => t.name)).toEqual([...body.theaters.map((t) => t.name)].sort((a, b) => a.localeCompare(b)));
    expect(body.theaters.find((t) => t.id === westside)).toMatchObject({ slug: "westside", timeZone: LA, idNotice: "Photo ID is required for R-rated films.", address: "1 Sunset Blvd, Los Angeles" });
  });
});

describe("GET /api/v1/shows across theaters", () => {
  it("names each show's theater and tags; filters by theater", async () => {
    const all = await showsFor("");
    expect(all.theater).toBeNull();
    const s1 = all.shows.find((s) => s.id === ids.s1)!;
    expect(s1.theater).toEqual({ id: westside, slug: "westside", name: "Marquee Westside", timeZone: LA });
    expect(s1.tags).toEqual([
      { id: "imax", group: "format", label: "IMAX", short: "IMAX" },
      { id: "audio-description", group: "access", label: "Audio description", short: "AD" },
    ]);
    expect(all.shows.some((s) => s.theater.id !== westside)).toBe(true);

    const west = await showsFor(`?theaterId=${westside}`);
    expect(west.theater).toMatchObject({ id: westside, timeZone: LA });
    expect(west.shows.map((s) => s.id).sort()).toEqual([ids.s1, ids.s2, ids.s3].sort());
  });

  it("takes a date as each show's own theater's calendar day", async () => {
    const onDay = await showsFor(`?date=${day}`);
    // 23:30 in Los Angeles is already the next day in UTC (and in New York): still `day` here.
    expect(new Date(onDay.shows.find((s) => s.id === ids.s1)!.startsAt).toISOString().slice(0, 10)).toBe(addDays(day, 1));
    expect(westIds(onDay).sort()).toEqual([ids.s1, ids.s2].sort());
    expect(onDay.shows.every((s) => s.localDate === day)).toBe(true);
    expect(onDay.shows.find((s) => s.id === ids.s1)).toMatchObject({ localDate: day, localTime: "23:30" });
  });

  it("keeps the shows that have every tag asked for, comma-separated or repeated", async () => {
    const both = await showsFor("?tags=imax,audio-description");
    expect(both.shows.map((s) => s.id).sort()).toEqual([ids.s1, ids.s3].sort());
    const repeated = await showsFor("?tags=audio-description&tags=imax");
    expect(repeated.shows.map((s) => s.id).sort()).toEqual([ids.s1, ids.s3].sort());
    const narrowed = await showsFor(`?theaterId=${westside}&date=${day}&tags=imax,audio-description`);
    expect(narrowed.shows.map((s) => s.id)).toEqual([ids.s1]);
    const ad = await showsFor("?tags=audio-description");
    expect(ad.shows.map((s) => s.id)).toContain(ids.east);
  });

  it("works out `wheelchair` from the seats: a space sold or kept by the box office is not free", async () => {
    const free = await showsFor(`?theaterId=${westside}&tags=wheelchair`);
    expect(free.shows.map((s) => s.id).sort()).toEqual([ids.s1, ids.s3].sort());
    const west = await showsFor(`?theaterId=${westside}`);
    expect(Object.fromEntries(west.shows.map((s) => [s.id, s.wheelchairSpaceFree]))).toEqual({ [ids.s1]: true, [ids.s2]: false, [ids.s3]: true });
  });

  it("answers an unknown tag or a malformed theater with 400 naming the field, an unknown theater with 404", async () => {
    const badTag = await get("?tags=imax,smell-o-vision");
    expect(badTag.status).toBe(400);
    const tagError = ApiError.parse(await badTag.json()).error;
    expect(tagError.code).toBe("invalid_request");
    expect(tagError.fields?.["tags.1"]?.[0]).toMatch(/^Unknown tag “smell-o-vision”: use one of .*`wheelchair`/);
    const badTheater = await get("?theaterId=westside");
    expect(badTheater.status).toBe(400);
    expect(ApiError.parse(await badTheater.json()).error.fields).toHaveProperty("theaterId");
    const unknown = await get(`?theaterId=${crypto.randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(ApiError.parse(await unknown.json()).error.code).toBe("not_found");
  });
});

describe("the OpenAPI document covers the chain", () => {
  it("lists GET /theaters and the shows filters, with the tag vocabulary as the allowed values", async () => {
    const doc = await openApiRoute.GET().json();
    expect(doc.paths["/theaters"].get.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/TheaterList" });
    const params = Object.fromEntries((doc.paths["/shows"].get.parameters as { name: string }[]).map((p) => [p.name, p]));
    expect(Object.keys(params).sort()).toEqual(["date", "movieId", "tags", "theaterId"]);
    expect(params.theaterId).toMatchObject({ in: "query", required: false, schema: { type: "string", format: "uuid" } });
    expect(params.tags).toMatchObject({ in: "query", required: false, style: "form", explode: false, schema: { type: "array" } });
    const allowed = (params.tags as unknown as { schema: { items: { enum: string[] } } }).schema.items.enum;
    expect(allowed).toEqual(expect.arrayContaining(["imax", "audio-description", "lang:es", "subs:en", "wheelchair"]));
    expect(doc.paths["/shows"].get.responses).toHaveProperty("404");
    expect(doc.components.schemas.Show.properties).toHaveProperty("tags");
    expect(doc.components.schemas.Show.properties.theater).toEqual({ $ref: "#/components/schemas/TheaterRef" });
    expect(doc.components.schemas.Theater.properties).toHaveProperty("idNotice");
  });
});

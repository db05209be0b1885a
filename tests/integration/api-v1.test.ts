import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/rate-limit/peer-address";
import { eq } from "drizzle-orm";
import { Validator } from "@seriousme/openapi-schema-validator";
import { orders, sessions, shows, users } from "@/db/schema";
import { ApiError, HoldState, MovieList, ReleaseResult, SeatAvailability, ShowList } from "@/lib/api/schemas";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { setRateLimitsForTests } from "@/lib/rate-limit";
import { getSeatLocks } from "@/lib/seat-locks";
import { metrics } from "@/lib/metrics/registry";

type CounterLike = { get(): Promise<{ values: { value: number; labels: Partial<Record<string, string | number>> }[] }> };
/** A counter's value for the given labels (0 before its first increment). */
async function counted(counter: CounterLike, labels: Record<string, string> = {}): Promise<number> {
  const { values } = await counter.get();
  return values.filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l)).reduce((n, v) => n + v.value, 0);
}
import { bookingWorld } from "../support/booking-fixture";

// The /api/v1 route handlers called as Next calls them, on a seeded database of this file's own
// and the lock store and limiter the environment selects. Only next/headers is replaced: it
// plays each caller's cookie jar (session + holder cookie) and address. Sessions, holds and
// limits are all real.
type Jar = Map<string, string>;
let jar: Jar = new Map();
let address = "198.51.100.1";
let forwardedFor: string | undefined;
vi.mock("next/headers", () => ({
  headers: async () =>
    (await import("../support/browser-headers")).browserHeaders(jar, { host: "localhost:3999", [PEER_ADDRESS_HEADER]: address, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

const movieRoute = await import("@/app/api/v1/movies/route");
const showsRoute = await import("@/app/api/v1/shows/route");
const seatsRoute = await import("@/app/api/v1/shows/[showId]/seats/route");
const holdRoute = await import("@/app/api/v1/shows/[showId]/hold/route");
const releaseRoute = await import("@/app/api/v1/shows/[showId]/release/route");
const openApiRoute = await import("@/app/api/v1/openapi.json/route");

let world: Awaited<ReturnType<typeof bookingWorld>>;
let show: Awaited<ReturnType<typeof world.aShow>>;
const jars: Record<"ana" | "ben" | "visitor", Jar> = { ana: new Map(), ben: new Map(), visitor: new Map() };
let addressCount = 1;

/** Acts as this caller from a fresh address (so per-address seat budgets never add up across tests). */
function as(who: keyof typeof jars) {
  jar = jars[who];
  address = `198.51.100.${++addressCount}`;
}

async function signedInJar(email: string): Promise<Jar> {
  const [user] = await world.db.insert(users).values({ email, name: email.split("@")[0] }).returning();
  const token = crypto.randomUUID();
  await world.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) });
  return new Map([["authjs.session-token", token]]);
}

const ctx = (showId: string) => ({ params: Promise.resolve({ showId }) });
const url = (p: string) => `http://localhost:3999/api/v1${p}`;
const post = (p: string, body: unknown) =>
  new Request(url(p), { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });

const hold = (showId: string, body: unknown) => holdRoute.POST(post(`/shows/${showId}/hold`, body), ctx(showId));
const release = (showId: string, body: unknown) => releaseRoute.POST(post(`/shows/${showId}/release`, body), ctx(showId));
const seatsOf = (showId: string) => seatsRoute.GET(new Request(url(`/shows/${showId}/seats`)), ctx(showId));

/** Asserts the one error shape, the status and the code; returns the error. */
async function expectError(res: Response, status: number, code: string) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(ApiError.parse(body).error.code).toBe(code);
  return body.error as { code: string; message: string; fields?: Record<string, string[]>; details?: Record<string, unknown> };
}

beforeAll(async () => {
  setRateLimitsForTests(undefined);
  world = await bookingWorld();
  jars.ana = await signedInJar("ana@example.com");
  jars.ben = await signedInJar("ben@example.com");
  show = await world.aShow(1);
});
afterAll(async () => {
  await world?.close();
  setRateLimitsForTests(undefined);
});

describe("GET /api/v1/movies and /api/v1/shows", () => {
  it("lists the active movies", async () => {
    as("visitor");
    const res = await movieRoute.GET(new Request(url("/movies")));
    expect(res.status).toBe(200);
    const body = MovieList.parse(await res.json());
    expect(body.movies.length).toBeGreaterThan(1);
    expect(body.movies.map((m) => m.title)).toEqual([...body.movies.map((m) => m.title)].sort((a, b) => a.localeCompare(b)));
  });

  it("filters shows by movie and by a date in the theater's time zone", async () => {
    as("visitor");
    const all = ShowList.parse(await (await showsRoute.GET(new Request(url("/shows")))).json());
    // Every theater's shows: each names its own theater (and zone).
    expect(all.theater).toBeNull();
    expect(all.shows.length).toBeGreaterThan(3);
    const pick = all.shows.find((s) => s.id === show.show.id)!;
    expect(pick).toBeDefined();

    const byMovie = ShowList.parse(await (await showsRoute.GET(new Request(url(`/shows?movieId=${pick.movieId}`)))).json());
    expect(byMovie.shows.length).toBeGreaterThan(0);
    expect(byMovie.shows.every((s) => s.movieId === pick.movieId)).toBe(true);

    const byDate = ShowList.parse(await (await showsRoute.GET(new Request(url(`/shows?date=${pick.localDate}&movieId=${pick.movieId}`)))).json());
    expect(byDate.shows.map((s) => s.id)).toContain(pick.id);
    expect(byDate.shows.every((s) => s.localDate === pick.localDate && s.movieId === pick.movieId)).toBe(true);
    // The local date is the theater's calendar, not UTC's.
    expect(pick.theater.timeZone).toMatch(/\//);
    const local = new Intl.DateTimeFormat("en-CA", { timeZone: pick.theater.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(pick.startsAt));
    expect(pick.localDate).toBe(local);
  });

  it("answers a bad query with 400 and the field that is wrong", async () => {
    as("visitor");
    const bad = await expectError(await showsRoute.GET(new Request(url("/shows?date=21-11-2026"))), 400, "invalid_request");
    expect(bad.fields).toHaveProperty("date");
    const unknown = await expectError(await showsRoute.GET(new Request(url("/shows?sort=price"))), 400, "invalid_request");
    expect(JSON.stringify(unknown.fields)).toMatch(/sort/);
  });
});

describe("seat availability, hold and release", () => {
  it("shows every seat with its price; an unknown show is 404, a malformed id 400", async () => {
    as("visitor");
    const body = SeatAvailability.parse(await (await seatsOf(show.show.id)).json());
    expect(body.seats).toHaveLength(show.seats.filter((s) => s.active).length);
    expect(body.counts.available + body.counts.held + body.counts.sold).toBe(body.seats.length);
    expect(body.seats.every((s) => s.price === show.show.prices[s.tier])).toBe(true);
    await expectError(await seatsOf(crypto.randomUUID()), 404, "not_found");
    await expectError(await seatsOf("nope"), 400, "invalid_request");
  });

  it("refuses a signed-out hold with 401 and holds nothing", async () => {
    as("visitor");
    const seat = show.seat("C", 1).id;
    await expectError(await hold(show.show.id, { seatIds: [seat] }), 401, "unauthenticated");
    const holders = await getSeatLocks().holders(show.show.id, [seat]);
    expect(holders.size).toBe(0);
    await expectError(await release(show.show.id, { seatIds: [seat] }), 401, "unauthenticated");
  });

  it("holds seats for a signed-in customer, who then sees them as theirs and others as held", async () => {
    as("ana");
    const seats = [show.seat("D", 1).id, show.seat("D", 2).id];
    const res = await hold(show.show.id, { seatIds: seats });
    const body = HoldState.parse(await res.json());
    expect(res.status).toBe(200);
    expect(body.mine.sort()).toEqual([...seats].sort());
    expect(new Date(body.expiresAt!).getTime()).toBeGreaterThan(Date.now());
    expect(jars.ana.get("mq_holder")).toMatch(/^[A-Za-z0-9_-]{22,64}$/);

    const mine = SeatAvailability.parse(await (await seatsOf(show.show.id)).json());
    expect(mine.seats.filter((s) => s.state === "mine").map((s) => s.id).sort()).toEqual([...seats].sort());
    as("ben");
    const theirs = SeatAvailability.parse(await (await seatsOf(show.show.id)).json());
    expect(theirs.seats.filter((s) => seats.includes(s.id)).map((s) => s.state)).toEqual(["held", "held"]);
    expect(theirs.counts.mine).toBe(0);
  });

  it("answers 409 seat_unavailable, naming the seats, when someone else holds or bought them", async () => {
    as("ana");
    const held = show.seat("E", 1).id;
    const taken = await counted(metrics().holdsTaken);
    const refused = await counted(metrics().holdsRefused, { reason: "conflict" });
    expect((await hold(show.show.id, { seatIds: [held] })).status).toBe(200);
    as("ben");
    const err = await expectError(await hold(show.show.id, { seatIds: [held, show.seat("E", 2).id] }), 409, "seat_unavailable");
    // API holds count in the same metrics as the seat map's.
    expect(await counted(metrics().holdsTaken)).toBe(taken + 1);
    expect(await counted(metrics().holdsRefused, { reason: "conflict" })).toBe(refused + 1);
    expect(err.details?.taken).toEqual([held]);
    // All or nothing: the free seat asked for alongside was not held either.
    expect((await getSeatLocks().holders(show.show.id, [show.seat("E", 2).id])).size).toBe(0);

    const sold = show.seat("F", 1).id;
    const buyer = await world.customer("buyer");
    await holdSeats(world.db, { showId: show.show.id, seatIds: [sold] }, buyer.holder);
    const { orderId } = await startCheckout(world.db, show.show.id, buyer, "http://localhost:3999");
    const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
    world.stripe.complete(order.stripeSessionId!);
    await syncOrderWithSession(world.db, order.stripeSessionId!);
    const soldErr = await expectError(await hold(show.show.id, { seatIds: [sold] }), 409, "seat_unavailable");
    expect(soldErr.details?.taken).toEqual([sold]);
    const states = SeatAvailability.parse(await (await seatsOf(show.show.id)).json());
    expect(states.seats.find((s) => s.id === sold)?.state).toBe("sold");
  });

  it("answers bad bodies with 400 and field errors, an unknown show with 404", async () => {
    as("ana");
    expect((await expectError(await hold(show.show.id, { seatIds: [] }), 400, "invalid_request")).fields).toHaveProperty("seatIds");
    expect((await expectError(await hold(show.show.id, { seatIds: ["x"] }), 400, "invalid_request")).fields).toHaveProperty(["seatIds.0"]);
    expect((await expectError(await hold(show.show.id, "{not json"), 400, "invalid_request")).fields).toHaveProperty("body");
    await expectError(await hold(show.show.id, { seatIds: [show.seat("G", 1).id], price: 0 }), 400, "invalid_request");
    // A seat of another screen is not one of this show's seats.
    await expectError(await hold(show.show.id, { seatIds: [crypto.randomUUID()] }), 400, "invalid_request");
    // More seats than one order may hold.
    const eleven = show.seats.filter((s) => s.rowLabel === "H").slice(0, 11).map((s) => s.id);
    expect(eleven).toHaveLength(11);
    const tooMany = await expectError(await hold(show.show.id, { seatIds: eleven }), 400, "invalid_request");
    expect(tooMany.details).toMatchObject({ limit: 10 });
    await expectError(await hold(crypto.randomUUID(), { seatIds: [show.seat("G", 1).id] }), 404, "not_found");
    await expectError(await release(crypto.randomUUID(), { seatIds: [show.seat("G", 1).id] }), 404, "not_found");
    await expectError(await hold("not-a-show", { seatIds: [show.seat("G", 1).id] }), 400, "invalid_request");
  });

  it("answers show_closed for a cancelled show (409) and a started one (410)", async () => {
    const cancelled = await world.aShow(4);
    await world.db.update(shows).set({ status: "cancelled" }).where(eq(shows.id, cancelled.show.id));
    as("ana");
    await expectError(await hold(cancelled.show.id, { seatIds: [cancelled.seat("A", 1).id] }), 409, "show_closed");
    const started = await world.aShow(5);
    await world.db.update(shows).set({ startsAt: new Date(Date.now() - 60_000) }).where(eq(shows.id, started.show.id));
    await expectError(await hold(started.show.id, { seatIds: [started.seat("A", 1).id] }), 410, "show_closed");
    expect((await getSeatLocks().holders(started.show.id, [started.seat("A", 1).id])).size).toBe(0);
  });

  it("releases only the caller's own holds: someone else's seat is left held", async () => {
    as("ana");
    const seat = show.seat("J", 3).id;
    expect((await hold(show.show.id, { seatIds: [seat] })).status).toBe(200);
    const anaHolder = jars.ana.get("mq_holder")!;

    as("ben");
    // Ben holds something of his own, so he has a holder id, then tries to let go of Ana's seat.
    expect((await hold(show.show.id, { seatIds: [show.seat("J", 8).id] })).status).toBe(200);
    const bens = ReleaseResult.parse(await (await release(show.show.id, { seatIds: [seat] })).json());
    expect(bens.released).toEqual([]);
    expect(bens.mine).toEqual([show.seat("J", 8).id]);
    expect((await getSeatLocks().holders(show.show.id, [seat])).get(seat)).toBe(anaHolder);

    as("ana");
    const anas = ReleaseResult.parse(await (await release(show.show.id, { seatIds: [seat] })).json());
    expect(anas.released).toEqual([seat]);
    expect(anas.mine).not.toContain(seat);
    expect((await getSeatLocks().holders(show.show.id, [seat])).size).toBe(0);
  });

  it("applies the seat map's hold limit: the 31st hold in a minute is 429 with Retry-After", async () => {
    const [user] = await world.db.insert(users).values({ email: "script@example.com" }).returning();
    const token = crypto.randomUUID();
    await world.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) });
    jar = new Map([["authjs.session-token", token]]);
    address = "203.0.113.77";
    const seat = show.seat("B", 5).id;
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 31; i++) {
      last = await hold(show.show.id, { seatIds: [seat] });
      statuses.push(last.status);
      if (i < 30) await last.body?.cancel();
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const err = await expectError(last!, 429, "rate_limited");
    const retryAfter = Number(last!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(err.details?.retryAfterSeconds).toBe(retryAfter);
  });

  // Found: rotating X-Forwarded-For got 70 of 70 API calls through. A signed-in script that
  // changes its address and forwards a new (or loopback) X-Forwarded-For on every call is stopped.
  it("stops a signed-in script at the 31st hold whatever address and X-Forwarded-For it rotates through", async () => {
    jar = await signedInJar("rotator@example.com");
    const seat = show.seat("C", 5).id;
    const statuses: number[] = [];
    let last: Response | null = null;
    try {
      for (let i = 0; i < 31; i++) {
        address = `203.0.113.${100 + i}`;
        forwardedFor = i % 2 ? "127.0.0.1" : `192.0.2.${i}`;
        last = await hold(show.show.id, { seatIds: [seat] });
        statuses.push(last.status);
        if (i < 30) await last.body?.cancel();
      }
    } finally {
      forwardedFor = undefined;
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    await expectError(last!, 429, "rate_limited");
  });
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const res = openApiRoute.GET();
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // The validator does refuse a broken document (a response without its description).
    const broken = structuredClone(doc);
    delete broken.paths["/movies"].get.responses["200"].description;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("describes every route handler under app/api/v1, method by method", async () => {
    const doc = await openApiRoute.GET().json();
    const root = path.join(process.cwd(), "app", "api", "v1");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/^route\.tsx?$/.test(name)) files.push(full);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThanOrEqual(6);
    const modules = import.meta.glob<Record<string, unknown>>("/app/api/v1/**/route.ts", { eager: true });
    expect(Object.keys(modules)).toHaveLength(files.length);
    for (const [file, mod] of Object.entries(modules)) {
      const apiPath = file.replace(/^\/app\/api\/v1/, "").replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}");
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function")) {
        expect(doc.paths[apiPath]?.[method.toLowerCase()], `${method} ${apiPath} is not in openapi.json`).toBeDefined();
      }
    }
    // And nothing documented that no route serves.
    const served = new Set(Object.keys(modules).map((f) => f.replace(/^\/app\/api\/v1/, "").replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}")));
    expect(Object.keys(doc.paths).filter((p) => !served.has(p))).toEqual([]);
  });

  it("documents each error status with the one error schema", async () => {
    const doc = await openApiRoute.GET().json();
    const hold = doc.paths["/shows/{showId}/hold"].post;
    expect(Object.keys(hold.responses).sort()).toEqual(["200", "400", "401", "404", "409", "410", "413", "415", "429"]);
    expect(hold.responses["409"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    expect(hold.responses["429"].headers).toHaveProperty("Retry-After");
    expect(doc.components.schemas.ErrorCode.enum).toContain("seat_unavailable");
  });
});

import { kickOutbox } from "@/lib/email/kick";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { houseSeats, movies, orders, promoCodes, screens, sessions, shows, theaters, users } from "@/db/schema";
import { savePromoCodeFromForm } from "@/lib/pricing-admin/save-promo-code";
import { promoCodeSchema } from "@/lib/pricing-admin/promo-code-input";
import { priceCardSchema } from "@/lib/pricing-admin/price-card-input";
import { savePriceCardFromForm } from "@/lib/pricing-admin/save-price-card";
import { allSeatsOfScreen } from "@/db/queries/venue";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { layoutVersion } from "@/lib/venue/layout-version";
import { bookingWorld } from "../support/booking-fixture";
import { PNG_BYTES as PNG, tableDigests, uploadedPosters } from "../support/db-fingerprint";
import { theaterWithDefaultCard } from "../support/default-card-fixture";

// requireAdmin() reads the Auth.js session cookie through next/headers, which exists only inside
// a Next request. This stands in for the browser's cookie jar and nothing else: the session
// lookup, the join to the user and the role check run for real against the database.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar),
}));

type Module = Record<string, unknown>;
// Every admin action and route module, found by path: an action or route added later is picked
// up here, and the sample check below fails until it is given an input.
const actionModules = import.meta.glob<Module>("/app/admin/**/actions.ts", { eager: true });
const routeModules = import.meta.glob<Module>(["/app/admin/**/route.ts", "/app/api/admin/**/route.ts"], { eager: true });
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

let world: Awaited<ReturnType<typeof bookingWorld>>;
let tokens: { admin: string; customer: string };
let ids: { movie: string; scheduledMovie: string; theater: string; screen2: string; show: string; paidOrder: string; pendingOrder: string; doorShow: string; doorOrder: string; futureShow: string; spareCard: string; freeSeat: string; partialOrder: string; partialSeat: string };
let pricing: Awaited<ReturnType<typeof theaterWithDefaultCard>>;
const unique = () => crypto.randomUUID().slice(0, 6).toUpperCase();
/** Every tier on sale × Adult, as the card form sends it. */
const adultGrid = (amount: string) => Object.fromEntries(pricing.tiers.map((tier) => [tier, { [pricing.byName("Adult").id]: amount }]));

async function userWithSession(email: string, role: "customer" | "admin") {
  const [user] = await world.db.insert(users).values({ email, role, name: email.split("@")[0] }).returning();
  const sessionToken = crypto.randomUUID();
  // Fresh, as Auth.js writes it at sign-in (30 days): an older one would be slid forward on read.
  await world.db.insert(sessions).values({ sessionToken, userId: user.id, expires: new Date(Date.now() + 30 * 86_400_000) });
  return sessionToken;
}

function signInAs(who: "visitor" | "customer" | "admin") {
  jar.clear();
  if (who !== "visitor") jar.set("authjs.session-token", tokens[who]);
}

/** Starts a checkout and leaves it unpaid. */
async function startUnpaid(showId: string, seatIds: string[]) {
  const customer = await world.customer("ditherer");
  await holdSeats(world.db, { showId, seatIds }, customer.holder);
  return (await startCheckout(world.db, showId, customer, "http://localhost:3999")).orderId;
}

async function screen2Layout(change: (seats: Awaited<ReturnType<typeof allSeatsOfScreen>>) => Awaited<ReturnType<typeof allSeatsOfScreen>>) {
  const [screen] = await world.db.select().from(screens).where(eq(screens.id, ids.screen2));
  const stored = await allSeatsOfScreen(world.db, screen.id);
  const seats = change(stored.filter((s) => s.active)).map(({ id, rowLabel, number, x, y, kind, tier }) => ({ id, rowLabel, number, x, y, kind, tier }));
  return { screenId: screen.id, version: layoutVersion(screen, stored), gridWidth: screen.gridWidth, gridHeight: screen.gridHeight, tiers: screen.tiers, seats };
}

/**
 * A valid input for every admin action, built fresh for each call: were the admin check
 * missing, each of these would change the database (the admin control run below proves it).
 */
const actionSamples: Record<string, { input: () => Promise<unknown> | unknown; changesAsAdmin: boolean }> = {
  "movies/actions.ts#createMovieAction": {
    input: () => ({ title: `Sample ${crypto.randomUUID().slice(0, 8)}`, runtimeMinutes: "95", rating: "PG", genres: "Drama", synopsis: "" }),
    changesAsAdmin: true,
  },
  "movies/actions.ts#updateMovieAction": {
    input: () => ({ id: ids.movie, title: `Renamed ${crypto.randomUUID().slice(0, 8)}`, slug: "", runtimeMinutes: "101", rating: "R", genres: "" }),
    changesAsAdmin: true,
  },
  "movies/actions.ts#setMovieArchivedAction": { input: () => ({ id: ids.movie, archived: "true" }), changesAsAdmin: true },
  "screens/actions.ts#createScreenAction": {
    input: () => ({ theaterId: ids.theater, name: `Studio ${crypto.randomUUID().slice(0, 6)}`, format: "standard", tiers: "standard", rows: "2", seatsPerRow: "3" }),
    changesAsAdmin: true,
  },
  "screens/actions.ts#saveLayoutAction": {
    input: () => screen2Layout((seats) => seats.map((s) => (s.rowLabel === "A" && s.number === 1 ? { ...s, tier: s.tier === "standard" ? "premium" : "standard" } : s))),
    changesAsAdmin: true,
  },
  "shows/actions.ts#scheduleShowsAction": {
    input: async () => {
      const [screen] = await world.db.select().from(screens).where(eq(screens.id, ids.screen2));
      const date = new Date(Date.now() + (30 + Math.floor(Math.random() * 300)) * 86_400_000).toISOString().slice(0, 10);
      return { movieId: ids.scheduledMovie, screenId: screen.id, date, time: "09:00", days: "2", priceCardId: "" };
    },
    changesAsAdmin: true,
  },
  "shows/actions.ts#cancelShowAction": { input: () => ({ showId: ids.show }), changesAsAdmin: true },
  // A show without orders, put on the default card by hand (then back on the rules, and so on).
  "shows/actions.ts#setShowCardAction": { input: () => ({ showId: ids.futureShow, priceCardId: pricing.defaultCard.id }), changesAsAdmin: true },
  // Tags a show that has not started (issue 19); each call is audited, so even the same tags change the log.
  "shows/actions.ts#setShowTagsAction": { input: () => ({ showId: ids.futureShow, tags: ["imax", "audio-description"] }), changesAsAdmin: true },
  "pricing/actions.ts#addTicketTypeAction": { input: () => ({ theaterId: ids.theater, name: `Type ${unique()}`, note: "", minAge: "" }), changesAsAdmin: true },
  "pricing/actions.ts#updateTicketTypeAction": { input: () => ({ id: pricing.byName("Student").id, name: "Student", note: `ID ${unique()}`, minAge: "" }), changesAsAdmin: true },
  "pricing/actions.ts#moveTicketTypeAction": { input: () => ({ id: pricing.byName("Senior").id, direction: "up" }), changesAsAdmin: true },
  "pricing/actions.ts#retireTicketTypeAction": { input: () => ({ id: pricing.byName("Student").id, retired: "true" }), changesAsAdmin: true },
  "pricing/actions.ts#savePriceCardAction": { input: () => ({ theaterId: ids.theater, name: `Card ${unique()}`, days: [3], prices: adultGrid("10.00") }), changesAsAdmin: true },
  // A spare card: retiring the default would leave the scheduling sample without a card.
  "pricing/actions.ts#retirePriceCardAction": { input: () => ({ id: ids.spareCard, retired: true }), changesAsAdmin: true },
  "pricing/actions.ts#saveFeesAndTaxAction": { input: () => ({ theaterId: ids.theater, feePerTicket: `1.${Math.floor(Math.random() * 90) + 10}`, feePerOrder: "", taxRate: "20", taxIncluded: true }), changesAsAdmin: true },
  "promo-codes/actions.ts#savePromoCodeAction": { input: () => ({ theaterId: ids.theater, code: `CODE${unique()}`, kind: "percent", amount: "10", per: "order" }), changesAsAdmin: true },
  "promo-codes/actions.ts#retirePromoCodeAction": {
    input: async () => ({ id: (await world.db.select().from(promoCodes).limit(1))[0]?.id ?? "none", retired: true }),
    changesAsAdmin: true,
  },
  // A line from today 00:00 (theater time, already past), 100 a minute: before any show that day starts.
  "shows/actions.ts#setWaitingRoomAction": {
    input: () => ({ mode: "on", showId: ids.show, date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), time: "00:00", perMinute: "100" }),
    changesAsAdmin: true,
  },
  "bookings/actions.ts#refundBookingAction": { input: () => ({ orderId: ids.paidOrder }), changesAsAdmin: true },
  // Refunds one seat of a two-seat booking (issue 23); the other keeps its ticket.
  "bookings/actions.ts#refundSeatsAction": { input: () => ({ orderId: ids.partialOrder, seatIds: [ids.partialSeat] }), changesAsAdmin: true },
  "bookings/actions.ts#cancelPendingOrderAction": { input: () => ({ orderId: ids.pendingOrder }), changesAsAdmin: true },
  // The box office counter. Holds live in the lock store (not the database), and a sale or a house
  // reservation needs the counter's holds (an admin with none is refused "gone"): the admin check
  // comes first all the same, which the visitor and customer runs prove.
  "shows/[showId]/box-office/actions.ts#boxOfficeHoldAction": { input: () => ({ showId: ids.show, seatIds: [ids.freeSeat] }), changesAsAdmin: false },
  "shows/[showId]/box-office/actions.ts#boxOfficeReleaseAction": { input: () => ({ showId: ids.show, seatIds: [ids.freeSeat] }), changesAsAdmin: false },
  "shows/[showId]/box-office/actions.ts#boxOfficeContinueAction": { input: () => ({ showId: ids.show }), changesAsAdmin: false },
  "shows/[showId]/box-office/actions.ts#sellAtBoxOfficeAction": { input: () => ({ showId: ids.show, method: "cash", email: "" }), changesAsAdmin: false },
  "shows/[showId]/box-office/actions.ts#reserveHouseSeatsAction": { input: () => ({ showId: ids.show, note: "Press" }), changesAsAdmin: false },
  "shows/[showId]/box-office/actions.ts#releaseHouseSeatsAction": {
    input: async () => {
      // A house seat to release: kept afresh before each call.
      await world.db.insert(houseSeats).values({ showId: ids.show, seatId: ids.freeSeat }).onConflictDoNothing();
      return { showId: ids.show, seatIds: [ids.freeSeat] };
    },
    changesAsAdmin: true,
  },
  // Issue 19, chain admins only: the chain's theaters and staff roles.
  "theaters/actions.ts#createTheaterAction": { input: () => ({ name: `Cinema ${unique()}`, address: "1 Main St", timeZone: "America/Chicago", currency: "usd" }), changesAsAdmin: true },
  "theaters/actions.ts#updateTheaterAction": {
    input: async () => {
      const [t] = await world.db.select().from(theaters).where(eq(theaters.id, ids.theater));
      return { id: t.id, name: t.name, slug: t.slug, address: `${unique()} Main St`, timeZone: t.timeZone, currency: t.currency, idNotice: t.idNotice };
    },
    changesAsAdmin: true,
  },
  "staff/actions.ts#setStaffRoleAction": {
    input: async () => {
      // Someone who has signed in once (a customer), made site manager of the theater.
      const email = `usher-${unique().toLowerCase()}@example.com`;
      await world.db.insert(users).values({ email });
      return { email, role: "manager", theaterIds: [ids.theater] };
    },
    changesAsAdmin: true,
  },
  "staff/actions.ts#revokeStaffRoleAction": {
    input: async () => ({ userId: (await world.db.insert(users).values({ email: `former-${unique().toLowerCase()}@example.com`, role: "manager" }).returning())[0].id }),
    changesAsAdmin: true,
  },
  // The door's action (admits a ticket by its signed code); a made-up code changes nothing even for an admin.
  "check-in/[showId]/actions.ts#admitAction": { input: () => ({ showId: ids.show, code: "MQ1.not-a-real-code" }), changesAsAdmin: false },
  // Admits every ticket of a booking found at the door (and audits it).
  "check-in/[showId]/actions.ts#admitBookingAction": { input: () => ({ showId: ids.doorShow, orderId: ids.doorOrder }), changesAsAdmin: true },
  // The nav's current-theater switcher (issue 19): a cookie, no row.
  "theater/actions.ts#chooseAdminTheaterAction": { input: () => ({ theaterId: ids.theater, back: "/admin/shows" }), changesAsAdmin: false },
};

const routeSamples: Record<string, { request: () => [Request, unknown]; changesAsAdmin: boolean }> = {
  "app/admin/orders.csv/route.ts#GET": {
    request: () => [new Request("http://localhost:3999/admin/orders.csv"), { params: Promise.resolve({}) }],
    changesAsAdmin: true, // the export is audited
  },
  "app/admin/movies/[id]/poster/route.ts#POST": {
    request: () => {
      const form = new FormData();
      form.set("poster", new File([PNG], "poster.png", { type: "image/png" }));
      return [new Request(`http://localhost:3999/admin/movies/${ids.movie}/poster`, { method: "POST", body: form }), { params: Promise.resolve({ id: ids.movie }) }];
    },
    changesAsAdmin: true,
  },
  "app/api/admin/shows/[showId]/door/route.ts#GET": {
    request: () => [new Request(`http://localhost:3999/api/admin/shows/${ids.show}/door`), { params: Promise.resolve({ showId: ids.show }) }],
    changesAsAdmin: false,
  },
};

type Callable = (...args: unknown[]) => Promise<unknown>;
const actions = Object.entries(actionModules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, value]) => typeof value === "function")
    .map(([name, fn]) => ({ key: `${file.replace(/^\/app\/admin\//, "")}#${name}`, fn: fn as Callable })),
);
const routes = Object.entries(routeModules).flatMap(([file, mod]) =>
  HTTP_METHODS.filter((m) => typeof mod[m] === "function").map((m) => ({ key: `${file.replace(/^\//, "")}#${m}`, fn: mod[m] as Callable })),
);

beforeAll(async () => {
  world = await bookingWorld();
  tokens = { admin: await userWithSession("boss@example.com", "admin"), customer: await userWithSession("fan@example.com", "customer") };
  const [movie, scheduledMovie] = await world.db.select().from(movies).orderBy(asc(movies.title)).limit(2);
  const [theater] = await world.db.select().from(theaters).limit(1);
  const [screen2] = await world.db.select().from(screens).where(eq(screens.name, "Screen 2"));
  const { show, seat } = await world.aShow(2);
  const paidOrder = (await world.buy(show.id, [seat("J", 1).id, seat("J", 2).id])).orderId;
  const pendingOrder = await startUnpaid(show.id, [seat("J", 12).id]);
  // A booking of another show (not cancelled by the samples) for the door to admit.
  const door = await world.aShow(3);
  const doorOrder = (await world.buy(door.show.id, [door.seat("J", 1).id])).orderId;
  const partialOrder = (await world.buy(door.show.id, [door.seat("J", 5).id, door.seat("J", 6).id])).orderId;
  pricing = await theaterWithDefaultCard(world.db);
  const boss = await world.admin("pricing-boss@example.com");
  await savePromoCodeFromForm(boss, promoCodeSchema.parse({ theaterId: theater.id, code: "WELCOME", kind: "fixed", amount: "2", per: "ticket" }));
  const spareCard = (await savePriceCardFromForm(boss, priceCardSchema.parse({ theaterId: theater.id, name: "Spare", days: [1], prices: adultGrid("9.00") }))).id;
  const futureShow = (await world.aShow(4)).show.id;
  ids = { movie: movie.id, scheduledMovie: scheduledMovie.id, theater: theater.id, screen2: screen2.id, show: show.id, paidOrder, pendingOrder, doorShow: door.show.id, doorOrder, futureShow, spareCard, freeSeat: seat("E", 1).id, partialOrder, partialSeat: door.seat("J", 5).id };
  // The purchase's confirmation is delivered in the background (kickOutbox after commit); let it
  // finish, or its delivery would change email_outbox between a test's two fingerprints.
  await kickOutbox();
});
afterAll(async () => {
  jar.clear();
  await world?.close();
});
beforeEach(() => jar.clear());

describe("every admin action and route refuses visitors and customers and changes nothing", () => {
  it("finds the admin actions and routes, and has a sample input for each", () => {
    expect(actions.map((a) => a.key)).toEqual(expect.arrayContaining(Object.keys(actionSamples).filter((k) => !k.startsWith("check-in/"))));
    for (const { key } of actions) expect(actionSamples, `no sample input for ${key}`).toHaveProperty([key]);
    for (const { key } of routes) expect(routeSamples, `no sample request for ${key}`).toHaveProperty([key]);
    expect(routes.length).toBeGreaterThanOrEqual(2);
  });

  for (const who of ["visitor", "customer"] as const) {
    const expected = who === "visitor" ? "unauthenticated" : "forbidden";

    it(`actions answer ${expected} to a ${who}`, async () => {
      for (const { key, fn } of actions) {
        const input = await actionSamples[key].input();
        const before = await tableDigests(world.db);
        const stripeCalls = world.stripe.requests.length;
        signInAs(who);
        const result = (await fn(input).catch((err: unknown) => ({ ok: false, code: (err as { code?: string }).code }))) as { ok: boolean; code?: string };
        jar.clear();
        expect(result, key).toMatchObject({ ok: false, code: expected });
        expect(await tableDigests(world.db), key).toEqual(before);
        expect(world.stripe.requests.length, key).toBe(stripeCalls);
      }
    });

    it(`routes answer ${who === "visitor" ? 401 : 403} to a ${who}`, async () => {
      for (const { key, fn } of routes) {
        const before = await tableDigests(world.db);
        const posters = uploadedPosters();
        signInAs(who);
        const response = (await fn(...routeSamples[key].request())) as Response;
        jar.clear();
        expect(response.status, key).toBe(who === "visitor" ? 401 : 403);
        expect(await tableDigests(world.db), key).toEqual(before);
        expect(uploadedPosters(), key).toEqual(posters);
      }
    });
  }

  // The control: the same inputs from an admin do change the database, so the refusals above
  // come from the admin check and not from a sample that could not have worked anyway.
  it("the same inputs from an admin are accepted", async () => {
    for (const { key, fn } of actions) {
      const sample = actionSamples[key];
      const input = await sample.input();
      const before = await tableDigests(world.db);
      signInAs("admin");
      // Actions that redirect or revalidate throw outside a Next request, after their work is done.
      const result = (await fn(input).catch((err: unknown) => ({ thrown: String(err) }))) as { ok?: boolean; code?: string };
      jar.clear();
      expect(["unauthenticated", "forbidden"], key).not.toContain(result.code);
      if (sample.changesAsAdmin) expect(await tableDigests(world.db), `${key} answered ${JSON.stringify(result)}`).not.toEqual(before);
    }
    for (const { key, fn } of routes) {
      const before = await tableDigests(world.db);
      signInAs("admin");
      const response = (await fn(...routeSamples[key].request())) as Response;
      jar.clear();
      expect(response.status, key).toBe(200);
      if (routeSamples[key].changesAsAdmin) expect(await tableDigests(world.db), key).not.toEqual(before);
    }
    const [show] = await world.db.select().from(shows).where(eq(shows.id, ids.show));
    expect(show.status).toBe("cancelled");
    const [order] = await world.db.select().from(orders).where(and(eq(orders.id, ids.paidOrder)));
    expect(order.status).toBe("refunded");
  });
});

import { kickOutbox } from "@/lib/email/kick";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prerender } from "react-dom/static";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { houseSeats, movies, orderSeats, orders, screens, sessions, shows, theaterManagers, theaters, tickets, users } from "@/db/schema";
import { insertDefaultTicketTypes, insertPriceCard } from "@/db/queries/pricing";
import { allSeatsOfScreen } from "@/db/queries/venue";
import type { AdminActor } from "@/lib/auth/session-user";
import { holdSeats } from "@/lib/booking/holds";
import { HOLDER_COOKIE } from "@/lib/booking/holder-cookie";
import { startCheckout } from "@/lib/booking/start-checkout";
import { scheduleShows } from "@/lib/catalog/schedule-shows";
import { scheduleShowsSchema } from "@/lib/catalog/show-input";
import { setWaitingRoomOf } from "@/lib/catalog/set-waiting-room";
import { waitingRoomSchema } from "@/lib/catalog/waiting-room-input";
import { localDate } from "@/lib/time";
import { savePromoCodeFromForm } from "@/lib/pricing-admin/save-promo-code";
import { promoCodeSchema } from "@/lib/pricing-admin/promo-code-input";
import { priceCardSchema } from "@/lib/pricing-admin/price-card-input";
import { savePriceCardFromForm } from "@/lib/pricing-admin/save-price-card";
import { getSeatLocks } from "@/lib/seat-locks";
import { signTicketCode, ticketSecret } from "@/lib/tickets/code";
import { createScreen } from "@/lib/venue/create-screen";
import { layoutVersion } from "@/lib/venue/layout-version";
import { bookingWorld } from "../support/booking-fixture";
import { PNG_BYTES as PNG, tableDigests, uploadedPosters } from "../support/db-fingerprint";
import { theaterWithDefaultCard } from "../support/default-card-fixture";

// Issue 19: a site manager of theater A asking an admin action or route for theater B's show,
// booking, screen, layout, price card, ticket type, promo code, box office, door or CSV is told
// it does not exist (404 / not_found) and nothing changes; the same requests for A's things
// succeed. Movies are chain-wide and chain admins' only (403 to a site manager). Every action and
// route is found by path, as in admin-authorization.test.ts: one added later fails the sample
// check below until it is given an input here.

// requireAdmin() reads the Auth.js session cookie through next/headers; this jar stands in for
// the browser's cookies (the session lookup, role and theater scope run for real).
const jar = new Map<string, string>();
vi.mock("next/headers", async () => {
  const { browserHeaders, jarCookies } = await import("../support/browser-headers");
  return { cookies: async () => jarCookies(jar), headers: async () => browserHeaders(jar) };
});

// Outside a Next request revalidatePath() throws after the work is done; a no-op here lets the
// control run below see each action's own answer.
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => undefined }));

// The pages are rendered below outside Next's app router: its client hooks get a router that
// goes nowhere (notFound(), redirect() and the rest stay Next's own).
vi.mock("next/navigation", async (importOriginal) => {
  const router = { push: () => undefined, replace: () => undefined, refresh: () => undefined, back: () => undefined, forward: () => undefined, prefetch: () => undefined };
  return { ...(await importOriginal<object>()), useRouter: () => router, usePathname: () => "/admin", useSearchParams: () => new URLSearchParams() };
});

type Module = Record<string, unknown>;
const actionModules = import.meta.glob<Module>("/app/admin/**/actions.ts", { eager: true });
const routeModules = import.meta.glob<Module>(["/app/admin/**/route.ts", "/app/api/admin/**/route.ts"], { eager: true });
// Every admin page but the dashboard, whose figures per theater are the reports' work (issue 19's
// chain admin part), not this sweep's.
const pageModules = import.meta.glob<{ default: (props: unknown) => Promise<unknown> }>(["/app/admin/**/page.tsx", "!/app/admin/page.tsx"], { eager: true });
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** One theater's things, which the samples below ask for. */
type Things = {
  theater: string;
  theaterName: string;
  screen: string;
  show: string;
  cancelShow: string;
  futureShow: string;
  doorShow: string;
  paidOrder: string;
  pendingOrder: string;
  doorOrder: string;
  partialOrder: string;
  partialSeat: string;
  doorTicketCode: string;
  freeSeat: string;
  sellSeat: string;
  houseSeat: string;
  student: string;
  senior: string;
  adult: string;
  tiers: string[];
  spareCard: string;
  defaultCard: string;
  promo: string;
};

let world: Awaited<ReturnType<typeof bookingWorld>>;
let db: Db;
let A: Things;
let B: Things;
let movieId: string;
let managerToken: string;
let bossToken: string;
let boss: AdminActor;
/** The manager's seat holder at the box office counter. */
const managerHolder = crypto.randomUUID().replace(/-/g, "");
const unique = () => crypto.randomUUID().slice(0, 6).toUpperCase();
const randomFutureDate = () => new Date(Date.now() + (40 + Math.floor(Math.random() * 300)) * 86_400_000).toISOString().slice(0, 10);

function signInAsManager() {
  jar.clear();
  jar.set("authjs.session-token", managerToken);
  jar.set(HOLDER_COOKIE, managerHolder);
}

async function layoutWithA1Flipped(screenId: string) {
  const [screen] = await db.select().from(screens).where(eq(screens.id, screenId));
  const stored = await allSeatsOfScreen(db, screen.id);
  const seats = stored
    .filter((s) => s.active)
    .map(({ id, rowLabel, number, x, y, kind, tier }) => ({ id, rowLabel, number, x, y, kind, tier: rowLabel === "A" && number === 1 ? (tier === "standard" ? "premium" : "standard") : tier }));
  return { screenId: screen.id, version: layoutVersion(screen, stored), gridWidth: screen.gridWidth, gridHeight: screen.gridHeight, tiers: screen.tiers, seats };
}

/** Holds seats under the manager's counter holder, as the box office map would have. */
const holdAtCounter = (showId: string, seatId: string) => holdSeats(db, { showId, seatIds: [seatId] }, managerHolder, new Date(), { admitted: true });

const grid = (t: Things, amount: string) => Object.fromEntries(t.tiers.map((tier) => [tier, { [t.adult]: amount }]));

/**
 * A valid input for every admin action, for one theater's things: from a manager of that theater
 * each changes the database (changes: true; the control run proves it), so a refusal of the other
 * theater's is the scope check's doing. chain: movies, refused to every site manager (403).
 */
const actionSamples: Record<string, { input: (t: Things) => Promise<unknown> | unknown; changes: boolean; chain?: true }> = {
  "movies/actions.ts#createMovieAction": { input: () => ({ title: `Sample ${unique()}`, runtimeMinutes: "95", rating: "PG", genres: "Drama", synopsis: "" }), changes: false, chain: true },
  "movies/actions.ts#updateMovieAction": { input: () => ({ id: movieId, title: `Renamed ${unique()}`, slug: "", runtimeMinutes: "101", rating: "R", genres: "" }), changes: false, chain: true },
  "movies/actions.ts#setMovieArchivedAction": { input: () => ({ id: movieId, archived: "true" }), changes: false, chain: true },
  "screens/actions.ts#createScreenAction": { input: (t) => ({ theaterId: t.theater, name: `Studio ${unique()}`, format: "standard", tiers: "standard", rows: "2", seatsPerRow: "3" }), changes: true },
  "screens/actions.ts#saveLayoutAction": { input: (t) => layoutWithA1Flipped(t.screen), changes: true },
  "shows/actions.ts#scheduleShowsAction": { input: (t) => ({ movieId, screenId: t.screen, date: randomFutureDate(), time: "09:00", days: "2", priceCardId: "" }), changes: true },
  "shows/actions.ts#cancelShowAction": { input: (t) => ({ showId: t.cancelShow }), changes: true },
  "shows/actions.ts#setShowCardAction": { input: (t) => ({ showId: t.futureShow, priceCardId: t.defaultCard }), changes: true },
  "shows/actions.ts#setWaitingRoomAction": {
    input: (t) => ({ mode: "on", showId: t.show, date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), time: "00:00", perMinute: "100" }),
    changes: true,
  },
  "pricing/actions.ts#addTicketTypeAction": { input: (t) => ({ theaterId: t.theater, name: `Type ${unique()}`, note: "", minAge: "" }), changes: true },
  "pricing/actions.ts#updateTicketTypeAction": { input: (t) => ({ id: t.student, name: "Student", note: `ID ${unique()}`, minAge: "" }), changes: true },
  "pricing/actions.ts#moveTicketTypeAction": { input: (t) => ({ id: t.senior, direction: "up" }), changes: true },
  "pricing/actions.ts#retireTicketTypeAction": { input: (t) => ({ id: t.student, retired: "true" }), changes: true },
  "pricing/actions.ts#savePriceCardAction": { input: (t) => ({ theaterId: t.theater, name: `Card ${unique()}`, days: [3], prices: grid(t, "10.00") }), changes: true },
  // Editing the other theater's card under one's own theater's id is refused too (by the save).
  "pricing/actions.ts#retirePriceCardAction": { input: (t) => ({ id: t.spareCard, retired: true }), changes: true },
  "pricing/actions.ts#saveFeesAndTaxAction": { input: (t) => ({ theaterId: t.theater, feePerTicket: `1.${Math.floor(Math.random() * 90) + 10}`, feePerOrder: "", taxRate: "20", taxIncluded: true }), changes: true },
  "promo-codes/actions.ts#savePromoCodeAction": { input: (t) => ({ theaterId: t.theater, code: `CODE${unique()}`, kind: "percent", amount: "10", per: "order" }), changes: true },
  "promo-codes/actions.ts#retirePromoCodeAction": { input: (t) => ({ id: t.promo, retired: true }), changes: true },
  "bookings/actions.ts#refundBookingAction": { input: (t) => ({ orderId: t.paidOrder }), changes: true },
  "bookings/actions.ts#refundSeatsAction": { input: (t) => ({ orderId: t.partialOrder, seatIds: [t.partialSeat] }), changes: true },
  "bookings/actions.ts#cancelPendingOrderAction": { input: (t) => ({ orderId: t.pendingOrder }), changes: true },
  // The counter's holds live in the lock store, not the database: checked apart below.
  "shows/[showId]/box-office/actions.ts#boxOfficeHoldAction": { input: (t) => ({ showId: t.show, seatIds: [t.freeSeat] }), changes: false },
  "shows/[showId]/box-office/actions.ts#boxOfficeReleaseAction": { input: (t) => ({ showId: t.show, seatIds: [t.freeSeat] }), changes: false },
  "shows/[showId]/box-office/actions.ts#boxOfficeContinueAction": { input: (t) => ({ showId: t.show }), changes: false },
  // The manager's counter holds a seat of the show asked for, so a sale could go through.
  "shows/[showId]/box-office/actions.ts#sellAtBoxOfficeAction": {
    input: async (t) => {
      await holdAtCounter(t.show, t.sellSeat);
      return { showId: t.show, method: "cash", email: "" };
    },
    changes: true,
  },
  "shows/[showId]/box-office/actions.ts#reserveHouseSeatsAction": {
    input: async (t) => {
      await holdAtCounter(t.show, t.houseSeat);
      return { showId: t.show, note: "Press" };
    },
    changes: true,
  },
  "shows/[showId]/box-office/actions.ts#releaseHouseSeatsAction": {
    input: async (t) => {
      await db.insert(houseSeats).values({ showId: t.show, seatId: t.freeSeat }).onConflictDoNothing();
      return { showId: t.show, seatIds: [t.freeSeat] };
    },
    changes: true,
  },
  // A real ticket of the show: admitted when the door is the manager's.
  "check-in/[showId]/actions.ts#admitAction": { input: (t) => ({ showId: t.doorShow, code: t.doorTicketCode }), changes: true },
  "check-in/[showId]/actions.ts#admitBookingAction": { input: (t) => ({ showId: t.doorShow, orderId: t.doorOrder }), changes: true },
  "shows/actions.ts#setShowTagsAction": { input: (t) => ({ showId: t.futureShow, tags: ["imax", "audio-description"] }), changes: true },
  // The chain's theaters and staff roles: chain admins only, so refused to every site manager (403).
  "theaters/actions.ts#createTheaterAction": { input: () => ({ name: `Cinema ${unique()}`, address: "1 Main St", timeZone: "America/Chicago", currency: "usd" }), changes: false, chain: true },
  "theaters/actions.ts#updateTheaterAction": {
    input: async (t) => {
      const [row] = await db.select().from(theaters).where(eq(theaters.id, t.theater));
      return { id: row.id, name: row.name, slug: row.slug, address: `${unique()} Main St`, timeZone: row.timeZone, currency: row.currency, idNotice: row.idNotice };
    },
    changes: false,
    chain: true,
  },
  "staff/actions.ts#setStaffRoleAction": {
    input: async (t) => {
      const email = `usher-${unique().toLowerCase()}@example.com`;
      await db.insert(users).values({ email });
      return { email, role: "manager", theaterIds: [t.theater] };
    },
    changes: false,
    chain: true,
  },
  "staff/actions.ts#revokeStaffRoleAction": {
    input: async () => ({ userId: (await db.insert(users).values({ email: `former-${unique().toLowerCase()}@example.com`, role: "manager" }).returning())[0].id }),
    changes: false,
    chain: true,
  },
  // The nav's switcher: a cookie, no row.
  "theater/actions.ts#chooseAdminTheaterAction": { input: (t) => ({ theaterId: t.theater, back: "/admin/shows" }), changes: false },
};

const routeSamples: Record<string, { request: (t: Things) => [Request, unknown]; changes: boolean; chain?: true }> = {
  "app/admin/orders.csv/route.ts#GET": {
    request: (t) => [new Request(`http://localhost:3999/admin/orders.csv?theater=${t.theater}`), { params: Promise.resolve({}) }],
    changes: true, // the export is audited
  },
  "app/admin/movies/[id]/poster/route.ts#POST": {
    request: () => {
      const form = new FormData();
      form.set("poster", new File([PNG], "poster.png", { type: "image/png" }));
      return [new Request(`http://localhost:3999/admin/movies/${movieId}/poster`, { method: "POST", body: form, headers: { origin: "http://localhost:3999" } }), { params: Promise.resolve({ id: movieId }) }];
    },
    changes: false,
    chain: true,
  },
  "app/api/admin/shows/[showId]/door/route.ts#GET": {
    request: (t) => [new Request(`http://localhost:3999/api/admin/shows/${t.doorShow}/door`), { params: Promise.resolve({ showId: t.doorShow }) }],
    changes: false,
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

/** Starts a checkout and leaves it unpaid. */
async function startUnpaid(showId: string, seatIds: string[]) {
  const customer = await world.customer("ditherer");
  await holdSeats(db, { showId, seatIds }, customer.holder);
  return (await startCheckout(db, showId, customer, "http://localhost:3999")).orderId;
}

/** A ticket of the order on that seat, as its signed code. */
async function ticketCodeOf(orderId: string, seatId: string) {
  const [ticket] = await db.select().from(tickets).where(and(eq(tickets.orderId, orderId), eq(tickets.seatId, seatId)));
  return signTicketCode(ticket.id, ticketSecret());
}

/** A seat finder over a screen's seats in row/seat order. */
async function seatFinder(screenId: string) {
  const seatRows = await allSeatsOfScreen(db, screenId);
  return (row: string, n: number) => seatRows.find((s) => s.rowLabel === row && s.number === n)!.id;
}

/** Theater B: the seeded one, with what admin-authorization.test.ts asks for. */
async function seededTheater(boss: AdminActor): Promise<Things> {
  const pricing = await theaterWithDefaultCard(db);
  const [screen2] = await db.select().from(screens).where(eq(screens.name, "Screen 2"));
  const { show, seat } = await world.aShow(2);
  const door = await world.aShow(3);
  const future = (await world.aShow(4)).show.id;
  const cancel = (await world.aShow(5)).show.id;
  const partialOrder = (await world.buy(door.show.id, [door.seat("J", 5).id, door.seat("J", 6).id])).orderId;
  const t = {
    theater: pricing.theater.id,
    theaterName: pricing.theater.name,
    screen: screen2.id,
    show: show.id,
    cancelShow: cancel,
    futureShow: future,
    doorShow: door.show.id,
    paidOrder: (await world.buy(show.id, [seat("J", 1).id, seat("J", 2).id])).orderId,
    pendingOrder: await startUnpaid(show.id, [seat("J", 12).id]),
    doorOrder: (await world.buy(door.show.id, [door.seat("J", 1).id])).orderId,
    partialOrder,
    partialSeat: door.seat("J", 5).id,
    doorTicketCode: await ticketCodeOf(partialOrder, door.seat("J", 6).id),
    freeSeat: seat("E", 1).id,
    sellSeat: seat("F", 1).id,
    houseSeat: seat("G", 1).id,
    student: pricing.byName("Student").id,
    senior: pricing.byName("Senior").id,
    adult: pricing.byName("Adult").id,
    tiers: pricing.tiers,
    defaultCard: pricing.defaultCard.id,
  };
  return { ...t, ...(await cardAndCode(boss, t)) };
}

/** A spare card and a promo code of the theater. */
async function cardAndCode(boss: AdminActor, t: Pick<Things, "theater" | "tiers" | "adult">) {
  const prices = Object.fromEntries(t.tiers.map((tier) => [tier, { [t.adult]: "9.00" }]));
  const spareCard = (await savePriceCardFromForm(boss, priceCardSchema.parse({ theaterId: t.theater, name: "Spare", days: [1], prices }))).id;
  const promo = (await savePromoCodeFromForm(boss, promoCodeSchema.parse({ theaterId: t.theater, code: `P${unique()}`, kind: "fixed", amount: "2", per: "ticket" }))) as { id: string };
  return { spareCard, promo: promo.id };
}

/** Theater A: a second cinema of the chain, made through the admin's own functions, with shows sold through the real order code. */
async function secondTheater(boss: AdminActor): Promise<Things> {
  const [theater] = await db.insert(theaters).values({ slug: `uptown-${unique().toLowerCase()}`, name: "Uptown", timeZone: "America/Los_Angeles", currency: "usd" }).returning();
  const types = await insertDefaultTicketTypes(db, theater.id);
  const byName = (name: string) => types.find((t) => t.name === name)!.id;
  const tiers = ["standard", "premium"];
  const defaultCard = await insertPriceCard(db, {
    theaterId: theater.id, name: "Standard", priority: 0, isDefault: true, daysOfWeek: null, dayPartFromMinute: null, dayPartUntilMinute: null, formats: null, validFrom: null, validUntil: null,
    prices: Object.fromEntries(tiers.map((tier) => [tier, { [byName("Adult")]: 1100, [byName("Child")]: 800 }])),
  });
  const screen = await createScreen(boss, { theaterId: theater.id, name: "Hall 1", format: "standard", tiers, rows: 10, seatsPerRow: 12 });
  const seat = await seatFinder(screen.id);
  const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const { showIds } = await scheduleShows(boss, scheduleShowsSchema.parse({ movieId, screenId: screen.id, date, time: "18:00", days: "4", priceCardId: "" }));
  const [show, doorShow, futureShow, cancelShow] = showIds;
  const partialOrder = (await world.buy(doorShow, [seat("C", 5), seat("C", 6)])).orderId;
  const t = {
    theater: theater.id,
    theaterName: theater.name,
    screen: screen.id,
    show,
    cancelShow,
    futureShow,
    doorShow,
    paidOrder: (await world.buy(show, [seat("C", 1), seat("C", 2)])).orderId,
    pendingOrder: await startUnpaid(show, [seat("C", 12)]),
    doorOrder: (await world.buy(doorShow, [seat("C", 1)])).orderId,
    partialOrder,
    partialSeat: seat("C", 5),
    doorTicketCode: await ticketCodeOf(partialOrder, seat("C", 6)),
    freeSeat: seat("E", 1),
    sellSeat: seat("F", 1),
    houseSeat: seat("G", 1),
    student: byName("Student"),
    senior: byName("Senior"),
    adult: byName("Adult"),
    tiers,
    defaultCard,
  };
  return { ...t, ...(await cardAndCode(boss, t)) };
}

beforeAll(async () => {
  world = await bookingWorld();
  db = world.db;
  const [movie] = await db.select().from(movies).where(eq(movies.status, "active")).orderBy(asc(movies.title)).limit(1);
  movieId = movie.id;
  boss = await world.admin("chain-boss@example.com");
  bossToken = crypto.randomUUID();
  await db.insert(sessions).values({ sessionToken: bossToken, userId: boss.id, expires: new Date(Date.now() + 30 * 86_400_000) });
  B = await seededTheater(boss);
  A = await secondTheater(boss);
  // The site manager of A (and of nothing else), signed in as Auth.js leaves a fresh session.
  const [manager] = await db.insert(users).values({ email: "uptown-manager@example.com", name: "Uptown manager", role: "manager" }).returning();
  await db.insert(theaterManagers).values({ userId: manager.id, theaterId: A.theater, grantedBy: boss.id });
  managerToken = crypto.randomUUID();
  await db.insert(sessions).values({ sessionToken: managerToken, userId: manager.id, expires: new Date(Date.now() + 30 * 86_400_000) });
  // Purchases queue confirmations delivered in the background: let them finish before comparing fingerprints.
  await kickOutbox();
}, 120_000);
afterAll(async () => {
  jar.clear();
  await world?.close();
});
beforeEach(() => jar.clear());

/** Calls an action as the manager: its result, or what it threw (redirects outside a Next request). */
async function callAsManager(fn: Callable, input: unknown) {
  signInAsManager();
  const result = (await fn(input).catch((err: unknown) => ({ thrown: String(err), code: (err as { code?: string }).code }))) as { ok?: boolean; code?: string; thrown?: string };
  jar.delete("authjs.session-token");
  return result;
}

describe("a site manager of one theater and the admin actions and routes of another", () => {
  it("finds every admin action and route, and has a sample for each", () => {
    for (const { key } of actions) expect(actionSamples, `no sample input for ${key}`).toHaveProperty([key]);
    for (const { key } of routes) expect(routeSamples, `no sample request for ${key}`).toHaveProperty([key]);
    expect(actions.map((a) => a.key)).toEqual(expect.arrayContaining(Object.keys(actionSamples)));
    expect(routes.map((r) => r.key)).toEqual(expect.arrayContaining(Object.keys(routeSamples)));
  });

  it("is told theater B's things do not exist (movies: only for chain admins), and nothing changes", async () => {
    for (const { key, fn } of actions) {
      const sample = actionSamples[key];
      const input = await sample.input(B);
      const before = await tableDigests(db);
      const stripeCalls = world.stripe.requests.length;
      const result = await callAsManager(fn, input);
      expect(result, key).toMatchObject({ ok: false, code: sample.chain ? "forbidden" : "not_found" });
      expect(jar.has("admin_theater"), key).toBe(false);
      expect(await tableDigests(db), key).toEqual(before);
      expect(world.stripe.requests.length, key).toBe(stripeCalls);
    }
    for (const { key, fn } of routes) {
      const sample = routeSamples[key];
      const before = await tableDigests(db);
      const posters = uploadedPosters();
      signInAsManager();
      const response = (await fn(...sample.request(B))) as Response;
      expect(response.status, key).toBe(sample.chain ? 403 : 404);
      expect(await tableDigests(db), key).toEqual(before);
      expect(uploadedPosters(), key).toEqual(posters);
    }
    // What the lock store keeps: the counter's hold on B's seat was neither sold nor kept as a
    // house seat, and the map's hold of B's free seat never happened.
    const held = await getSeatLocks().holders(B.show, [B.sellSeat, B.houseSeat, B.freeSeat]);
    expect(held.get(B.sellSeat)).toBe(managerHolder);
    expect(held.get(B.houseSeat)).toBe(managerHolder);
    expect(held.has(B.freeSeat)).toBe(false);
    const bOrders = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, B.paidOrder));
    expect(bOrders[0].status).toBe("paid");
  });

  // The control: the same manager, the same requests for A's things, are accepted — so the
  // refusals above are the theater check's, not samples that could not have worked anyway.
  it("is let do all of it on theater A's things", async () => {
    for (const { key, fn } of actions) {
      const sample = actionSamples[key];
      const input = await sample.input(A);
      const before = await tableDigests(db);
      const result = await callAsManager(fn, input);
      if (sample.chain) {
        expect(result, key).toMatchObject({ ok: false, code: "forbidden" });
        continue;
      }
      expect(["unauthenticated", "forbidden", "not_found"], `${key} answered ${JSON.stringify(result)}`).not.toContain(result.code);
      if (result.ok === false) expect.fail(`${key} refused: ${JSON.stringify(result)}`);
      if (sample.changes) expect(await tableDigests(db), `${key} answered ${JSON.stringify(result)}`).not.toEqual(before);
      if (key.startsWith("theater/")) expect(jar.get("admin_theater"), key).toBe(A.theater);
    }
    for (const { key, fn } of routes) {
      const sample = routeSamples[key];
      const before = await tableDigests(db);
      signInAsManager();
      const response = (await fn(...sample.request(A))) as Response;
      expect(response.status, key).toBe(sample.chain ? 403 : 200);
      if (sample.changes) expect(await tableDigests(db), key).not.toEqual(before);
    }
    const [cancelled] = await db.select().from(shows).where(eq(shows.id, A.cancelShow));
    expect(cancelled.status).toBe("cancelled");
    const [refunded] = await db.select().from(orders).where(eq(orders.id, A.paidOrder));
    expect(refunded.status).toBe("refunded");
    const sold = await db.select({ orderId: orderSeats.orderId }).from(orderSeats).innerJoin(orders, eq(orders.id, orderSeats.orderId)).where(and(eq(orderSeats.seatId, A.sellSeat), eq(orders.showId, A.show)));
    expect(sold).toHaveLength(1);
  });
});

/**
 * Every admin page: one about a thing (a booking, a show's door or counter, a card, a code, a
 * screen) is 404 to a site manager for another theater's, and renders for their own; a list
 * page shows a manager none of another theater's things (and a chain admin whose current theater
 * is that one sees them, so the check could fail); the movie pages are chain admins' only.
 */
const pageSamples: Record<string, { about?: (t: Things) => Record<string, string>; chain?: true }> = {
  "audit/page.tsx": {},
  "bookings/page.tsx": {},
  "bookings/[orderId]/page.tsx": { about: (t) => ({ orderId: t.doorOrder }) },
  "check-in/[showId]/page.tsx": { about: (t) => ({ showId: t.doorShow }) },
  "movies/page.tsx": { chain: true },
  "movies/new/page.tsx": { chain: true },
  "movies/[id]/page.tsx": { chain: true, about: () => ({ id: movieId }) },
  "pricing/page.tsx": {},
  "pricing/fees/page.tsx": {},
  "pricing/ticket-types/page.tsx": {},
  "pricing/cards/new/page.tsx": {},
  "pricing/cards/[id]/page.tsx": { about: (t) => ({ id: t.defaultCard }) },
  "promo-codes/page.tsx": {},
  "promo-codes/[id]/page.tsx": { about: (t) => ({ id: t.promo }) },
  "screens/page.tsx": {},
  "screens/[id]/layout/page.tsx": { about: (t) => ({ id: t.screen }) },
  "shows/page.tsx": {},
  "staff/page.tsx": { chain: true },
  "theaters/page.tsx": { chain: true },
  "theaters/[id]/page.tsx": { chain: true, about: (t) => ({ id: t.theater }) },
  "shows/[showId]/box-office/page.tsx": { about: (t) => ({ showId: t.show }) },
  "shows/[showId]/box-office/pay/page.tsx": { about: (t) => ({ showId: t.show }) },
  "shows/[showId]/box-office/sold/[orderId]/page.tsx": { about: (t) => ({ showId: t.doorShow, orderId: t.doorOrder }) },
};

const pages = Object.entries(pageModules).map(([file, mod]) => ({ key: file.replace(/^\/app\/admin\//, ""), Page: mod.default }));

/** The page's HTML, or "404" when it called notFound(). */
async function renderPage(Page: (props: unknown) => Promise<unknown>, params: Record<string, string>): Promise<string> {
  try {
    const element = await Page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
    const { prelude } = await prerender(element as Parameters<typeof prerender>[0]);
    return await new Response(prelude).text();
  } catch (err) {
    if ((err as { digest?: string }).digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "404";
    throw err;
  }
}

/** What a theater's pages print of it: its name, ids of its things (links, form values). */
const idsOf = (t: Things) => [t.theaterName, t.theater, t.screen, t.show, t.doorShow, t.paidOrder, t.doorOrder, t.student, t.spareCard, t.defaultCard, t.promo];

describe("the admin pages of a site manager", () => {
  it("has a sample for every admin page", () => {
    for (const { key } of pages) expect(pageSamples, `no sample for ${key}`).toHaveProperty([key]);
  });

  it("are 404 for another theater's things and the movie pages, and render their own theater's", async () => {
    for (const { key, Page } of pages) {
      const sample = pageSamples[key];
      if (!sample.about && !sample.chain) continue;
      signInAsManager();
      if (sample.chain) {
        expect(await renderPage(Page, sample.about?.(A) ?? {}), key).toBe("404");
        continue;
      }
      expect(await renderPage(Page, sample.about!(B)), key).toBe("404");
      const own = await renderPage(Page, sample.about!(A));
      expect(own, key).not.toBe("404");
      expect(own.length, key).toBeGreaterThan(200);
    }
  });

  it("list only the manager's theater (and a chain admin's current theater)", async () => {
    for (const { key, Page } of pages) {
      const sample = pageSamples[key];
      if (sample.about || sample.chain) continue;
      signInAsManager();
      jar.set("admin_theater", B.theater); // a cookie naming another theater is no way in
      const html = await renderPage(Page, {});
      for (const id of idsOf(B)) expect(html, `${key} shows B's ${id}`).not.toContain(id);
      expect(idsOf(A).some((id) => html.includes(id)), `${key} shows none of A's things`).toBe(true);
      jar.clear();
      jar.set("authjs.session-token", bossToken);
      jar.set("admin_theater", B.theater);
      const chain = await renderPage(Page, {});
      expect(idsOf(B).some((id) => chain.includes(id)), `${key} shows a chain admin none of B's things`).toBe(true);
    }
  });

  it("the nav offers a site manager their own theater only, and no Movies; a chain admin every theater", async () => {
    const { default: AdminLayout } = await import("@/app/admin/layout");
    const nav = async () => {
      const { prelude } = await prerender((await AdminLayout({ children: null })) as Parameters<typeof prerender>[0]);
      return new Response(prelude).text();
    };
    signInAsManager();
    const managers = await nav();
    expect(managers).toContain(A.theaterName);
    expect(managers).not.toContain(B.theaterName);
    expect(managers).not.toContain('href="/admin/movies"');
    jar.clear();
    jar.set("authjs.session-token", bossToken);
    const chains = await nav();
    expect(chains).toContain(`<option value="${A.theater}"`);
    expect(chains).toContain(`<option value="${B.theater}"`);
    expect(chains).toContain('href="/admin/movies"');
  });

  it("print the tickets of their theater's bookings (the counter's receipt), not another's", async () => {
    const { GET } = await import("@/app/api/bookings/[orderId]/pdf/route");
    const pdf = async (orderId: string) => {
      signInAsManager();
      return (await GET(new Request(`http://localhost:3999/api/bookings/${orderId}/pdf`), { params: Promise.resolve({ orderId }) })).status;
    };
    expect(await pdf(A.doorOrder)).toBe(200);
    expect(await pdf(B.doorOrder)).toBe(404);
  });

  it("an opening-day waiting line covers the movie's shows that day at its own theater only", async () => {
    const [aShow] = await db.select().from(shows).where(eq(shows.id, A.futureShow));
    const day = localDate(aShow.startsAt, "America/Los_Angeles");
    // The same movie at B at midday B time, within A's (Pacific) day.
    const { showIds: [bShow] } = await scheduleShows(boss, scheduleShowsSchema.parse({ movieId, screenId: B.screen, date: day, time: "12:00", days: "1", priceCardId: "" }));
    const { showIds } = await setWaitingRoomOf(boss, waitingRoomSchema.parse({ mode: "on", showId: A.futureShow, date: new Date().toISOString().slice(0, 10), time: "00:00", perMinute: "50", scope: "day" }));
    expect(showIds).toContain(A.futureShow);
    expect(showIds).not.toContain(bShow);
    const [untouched] = await db.select().from(shows).where(eq(shows.id, bShow));
    expect(untouched.waitingRoomFrom).toBeNull();
  });
});

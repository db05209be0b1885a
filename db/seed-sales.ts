import { and, asc, eq, gte, lt } from "drizzle-orm";
import type { Db } from "./client";
import { movies, orders, screens, seats, shows, theaterManagers, theaters, tickets, users } from "./schema";
import { ticketTypesOfTheater } from "./queries/pricing";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { mintHolderId } from "@/lib/booking/holder-cookie";
import { processPaymentEvent, receiveStripeEvent } from "@/lib/booking/payment-events";
import { configuredAppUrl } from "@/lib/app-url";
import { log } from "@/lib/log";
import { getPayments } from "@/lib/payments";
import { localSessionEvent, signLocalEvent } from "@/lib/payments/local-events";
import { localSession, settleLocalSession } from "@/lib/payments/local-gateway";
import { admitTicket, doorShow, type DoorStaff } from "@/lib/tickets/check-in";
import { signTicketCode, ticketSecret } from "@/lib/tickets/code";
import { localDate, localTime24 } from "@/lib/time";
import { validateSelection } from "@/lib/seat-map/rules";
import { PAST_DAYS } from "./seed";

// The demo's past month (`npm run demo`, `npm run db:seed`): customers buy seats in every show
// that has started, through the same code a browser drives — a hold (holdSeats), Continue
// (startCheckout: pricing, promo code, the local checkout session, the pending order), the Pay
// button (settleLocalSession), the signed checkout.session.completed event into the webhook's
// inbox and the lifecycle (fulfil: tickets, the confirmation email) — and the door admits most
// of the tickets by their codes (admitTicket, the manager as the staff member). One customer in
// twenty walks away from the payment page (the session's expired event closes the order). Each step runs
// at its own moment of the past: the functions take the clock (`now`) where they record a time.
// Nothing is written around that code, so the dashboard, the audit log and check:invariants see
// what a month of real sales leaves.
//
// How much: demand follows what cinemas see (weekends and evenings busiest, matinees and early
// week quiet, Tuesdays lifted by the discount card), scaled down (ORDERS_PER_SEAT) so the demo
// starts in seconds: each order costs a dozen queries and a rendered PDF. docs/benchmarks.md has
// the seeding time on PGlite and Postgres.

/**
 * Orders per seat of a show at full demand (a Saturday evening of a popular film), in groups of
 * 1–6: a quarter of a percent of the house. A real Saturday sells a hundred times that; each
 * order costs ~150 ms of CPU (a dozen queries and the confirmation's rendered PDF), so the month
 * is ~60 orders and the demo (and the e2e server, which must answer within 120 s) starts in
 * seconds. docs/benchmarks.md has the figures.
 */
export const ORDERS_PER_SEAT = 0.001;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// A seeded random number generator, so every demo database has the same shape.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Alex", "Sam", "Jordan", "Maria", "Wei", "Priya", "Diego", "Hannah", "Omar", "Grace", "Luca", "Aisha", "Noah", "Sofia", "Kenji", "Chloe", "Mateo", "Zara", "Ethan", "Leila"];
const LAST = ["Rivera", "Chen", "Patel", "Johnson", "Kim", "Garcia", "Nguyen", "Smith", "Okafor", "Rossi", "Cohen", "Silva", "Brown", "Tanaka", "Haddad"];

type PickOne = <T>(items: readonly T[]) => T;
type ShowRow = { id: string; screenId: string; startsAt: Date; theaterId: string; timeZone: string; rating: string | null; popularity: number };
type SeatRow = typeof seats.$inferSelect;
type Customer = { userId: string | null; email: string };

export type SalesReport = { orders: number; paid: number; abandoned: number; tickets: number; admitted: number; ms: number };

/**
 * Sells and admits the shows of the past PAST_DAYS that have started by `now`, once per database:
 * it runs when the process's database is open (the order code finds it through getDb()), on every
 * demo start, and does nothing where the demo chain is not seeded or its customers already exist
 * (an earlier start, or another instance starting at the same moment: the insert of the
 * customers is the claim). Null when it did nothing.
 */
export async function seedSales(db: Db, now: Date, opts: { ordersPerSeat?: number } = {}): Promise<SalesReport | null> {
  const ordersPerSeat = opts.ordersPerSeat ?? ORDERS_PER_SEAT;
  const started = Date.now();
  const report: SalesReport = { orders: 0, paid: 0, abandoned: 0, tickets: 0, admitted: 0, ms: 0 };
  if (getPayments().kind !== "local") {
    // Past sales are paid at the local checkout; with a real Stripe account configured there is no way to.
    log.warn("demo sales not seeded: they need the local checkout (no STRIPE_SECRET_KEY)");
    return null;
  }
  const [demoChain] = await db.select({ id: theaterManagers.theaterId }).from(theaterManagers).limit(1);
  if (!demoChain) return null;
  const customers = await seedCustomers(db);
  if (!customers.length) return null;
  const random = mulberry32(19);
  const pick: PickOne = (items) => items[Math.floor(random() * items.length)];
  const baseUrl = configuredAppUrl();

  const showRows = await pastShows(db, now);
  const seatsByScreen = new Map<string, SeatRow[]>();
  const typesByTheater = new Map<string, Map<string, string>>();
  const staffByTheater = new Map<string, DoorStaff | null>();
  for (const show of showRows) {
    if (!seatsByScreen.has(show.screenId)) seatsByScreen.set(show.screenId, await db.select().from(seats).where(and(eq(seats.screenId, show.screenId), eq(seats.active, true))).orderBy(asc(seats.y), asc(seats.x)));
    if (!typesByTheater.has(show.theaterId)) {
      typesByTheater.set(show.theaterId, new Map((await ticketTypesOfTheater(db, show.theaterId)).map((t) => [t.name, t.id])));
      staffByTheater.set(show.theaterId, await doorStaffOf(db, show.theaterId));
    }
  }

  for (const show of showRows) {
    const house = seatsByScreen.get(show.screenId)!;
    const taken = new Set<string>();
    // Rounded at random (up with the chance of the fraction), so a quiet show still sells now and then.
    const expected = house.length * ordersPerSeat * demand(show) * (0.75 + random() * 0.5);
    const count = Math.floor(expected) + (random() < expected % 1 ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const size = partySize(random);
      const chosen = chooseSeats(house, taken, size, random);
      if (!chosen) continue;
      const at = purchaseTime(show.startsAt, random);
      const customer = random() < 0.7 ? pick(customers) : guest(pick, random);
      const types = ticketTypes(chosen, show, typesByTheater.get(show.theaterId)!, random);
      const outcome = await buy(db, show, chosen, customer, { at, types, promoCode: random() < 0.06 ? "marquee10" : null, abandon: report.orders % 20 === 7, baseUrl });
      report.orders++;
      if (outcome !== "paid") {
        report.abandoned++;
        continue;
      }
      report.paid++;
      report.tickets += chosen.length;
      for (const s of chosen) taken.add(s.id);
    }
    if (taken.size) report.admitted += await admitAtDoor(db, show, staffByTheater.get(show.theaterId) ?? null, now, random);
  }
  report.ms = Date.now() - started;
  log.info(report, "demo sales seeded");
  return report;
}

/** One customer's purchase, as the pages drive it; "abandoned" when they leave the payment page. */
async function buy(
  db: Db,
  show: ShowRow,
  chosen: SeatRow[],
  customer: Customer,
  o: { at: Date; types: Record<string, string>; promoCode: string | null; abandon: boolean; baseUrl: string },
): Promise<"paid" | "abandoned"> {
  const holder = mintHolderId();
  await holdSeats(db, { showId: show.id, seatIds: chosen.map((s) => s.id) }, holder, o.at);
  const continueAt = new Date(o.at.getTime() + (1 + Math.floor(chosen.length / 2)) * MINUTE);
  const { orderId } = await startCheckout(db, show.id, { holder, ...customer }, o.baseUrl, { types: o.types, promoCode: o.promoCode, now: continueAt });
  const [order] = await db.select({ sessionId: orders.stripeSessionId }).from(orders).where(eq(orders.id, orderId));
  const sessionId = order.sessionId!;
  const payAt = new Date(continueAt.getTime() + 2 * MINUTE);
  if (o.abandon) {
    // The payment page left open: the session expires and its event closes the order.
    await getPayments().expireSession(sessionId);
    await deliver(db, "checkout.session.expired", sessionId, payAt);
    return "abandoned";
  }
  await settleLocalSession(sessionId, "paid", payAt);
  await deliver(db, "checkout.session.completed", sessionId, payAt);
  return "paid";
}

/** The local gateway's event about the session, signed, through the webhook's inbox into the lifecycle. */
async function deliver(db: Db, type: string, sessionId: string, at: Date): Promise<void> {
  const row = (await localSession(sessionId))!;
  const { payload, signature } = signLocalEvent(localSessionEvent(type, row));
  const received = await receiveStripeEvent(db, payload, signature);
  if (!received.event) throw new Error(`the demo's ${type} event was refused: ${JSON.stringify(received.body)}`);
  const outcome = await processPaymentEvent(db, received.event, at);
  if (outcome === "failed") throw new Error(`the demo's ${type} event failed`);
}

/** Most tickets are scanned at the door from half an hour before the start; a few never come. */
async function admitAtDoor(db: Db, show: ShowRow, staff: DoorStaff | null, now: Date, random: () => number): Promise<number> {
  const door = await doorShow(db, show.id);
  if (!door) return 0;
  const live = await db.select({ id: tickets.id, orderId: tickets.orderId }).from(tickets).where(and(eq(tickets.showId, show.id), eq(tickets.status, "valid")));
  // A party arrives together (or not at all).
  const byOrder = new Map<string, string[]>();
  for (const t of live) byOrder.set(t.orderId, [...(byOrder.get(t.orderId) ?? []), t.id]);
  let admitted = 0;
  for (const ids of byOrder.values()) {
    if (random() < 0.09) continue;
    const at = new Date(show.startsAt.getTime() - 30 * MINUTE + Math.floor(random() * 40) * MINUTE);
    if (at >= now) continue;
    for (const id of ids) {
      const result = await admitTicket(db, signTicketCode(id, ticketSecret()), door, staff, new Date(at.getTime() + admitted * 1000));
      if (result.result === "admitted") admitted++;
    }
  }
  return admitted;
}

/** Relative demand for a show: weekday, time of day, the movie. 1 = a Saturday evening of a popular film. */
export function demand(show: Pick<ShowRow, "startsAt" | "timeZone" | "popularity">): number {
  const hour = Number(localTime24(show.startsAt, show.timeZone).slice(0, 2));
  const weekday = new Date(`${localDate(show.startsAt, show.timeZone)}T12:00:00Z`).getUTCDay();
  const byDay = [0.8, 0.35, 0.55, 0.4, 0.5, 0.85, 1][weekday]; // Sun..Sat; Tuesday's discount card lifts it
  const byHour = hour < 14 ? 0.3 : hour < 17 ? 0.5 : hour < 19 ? 0.75 : hour < 22 ? 1 : 0.6;
  return byDay * byHour * show.popularity;
}

/** Mostly pairs; singles, threes and families of four or more. */
function partySize(random: () => number): number {
  const r = random();
  return r < 0.16 ? 1 : r < 0.6 ? 2 : r < 0.75 ? 3 : r < 0.92 ? 4 : r < 0.97 ? 5 : 6;
}

/** When they bought: most on the day or the day before, some up to a week ahead. */
function purchaseTime(startsAt: Date, random: () => number): Date {
  const r = random();
  const lead = r < 0.45 ? 20 * MINUTE + random() * 7 * HOUR : r < 0.8 ? 8 * HOUR + random() * 40 * HOUR : 2 * 24 * HOUR + random() * 5 * 24 * HOUR;
  return new Date(Math.floor((startsAt.getTime() - lead) / 1000) * 1000);
}

/**
 * Adjacent seats in one row and block (no aisle between), free and not for wheelchair users,
 * the way customers choose: middle to back rows and the centre first, with some spread.
 */
function chooseSeats(house: SeatRow[], taken: Set<string>, size: number, random: () => number): SeatRow[] | null {
  const rows = [...new Set(house.map((s) => s.rowLabel))];
  const byRow = rows.map((label) => house.filter((s) => s.rowLabel === label));
  const width = Math.max(...house.map((s) => s.x)) + 1;
  const depth = rows.length;
  const runs: { seats: SeatRow[]; score: number }[] = [];
  byRow.forEach((rowSeats, r) => {
    for (let i = 0; i + size <= rowSeats.length; i++) {
      const run = rowSeats.slice(i, i + size);
      const ok = run.every((s, k) => !taken.has(s.id) && (s.kind === "standard" || s.kind === "premium") && (k === 0 || s.x === run[k - 1].x + 1));
      if (!ok) continue;
      const centre = (run[0].x + run[run.length - 1].x) / 2;
      const score = Math.abs(centre - width / 2) / width + Math.abs(r / depth - 0.65) + random() * 0.5;
      runs.push({ seats: run, score });
    }
  });
  runs.sort((a, b) => a.score - b.score);
  // The first that checkout's own rule accepts (no single seat stranded beside it).
  const detailSeats = house.map((s) => ({ id: s.id, row: s.rowLabel, number: s.number, x: s.x, y: s.y, kind: s.kind, tier: s.tier }));
  const fits = runs.slice(0, 25).find((run) => validateSelection({ seats: detailSeats, taken, selected: new Set(run.seats.map((s) => s.id)), maxSeats: Number.MAX_SAFE_INTEGER }).ok);
  return fits?.seats ?? null;
}

/** A ticket type per seat: adults mostly, seniors and students, children with an adult (never on an adults-only rating). */
function ticketTypes(chosen: SeatRow[], show: ShowRow, typeIds: Map<string, string>, random: () => number): Record<string, string> {
  const adultsOnly = show.rating === "R" || show.rating === "NC-17";
  const family = !adultsOnly && chosen.length >= 3 && random() < 0.5;
  return Object.fromEntries(
    chosen.map((s, i) => {
      const r = random();
      const name = family && i >= 2 ? "Child" : i === 0 ? (r < 0.8 ? "Adult" : r < 0.9 ? "Senior" : "Student") : r < 0.7 ? "Adult" : r < 0.85 ? "Student" : "Senior";
      return [s.id, typeIds.get(name) ?? typeIds.get("Adult")!];
    }),
  );
}

/** Shows of the last PAST_DAYS days that have started by `now`, with what demand needs. */
async function pastShows(db: Db, now: Date): Promise<ShowRow[]> {
  const rows = await db
    .select({ id: shows.id, screenId: shows.screenId, startsAt: shows.startsAt, theaterId: theaters.id, timeZone: theaters.timeZone, rating: movies.rating, slug: movies.slug })
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .innerJoin(theaters, eq(theaters.id, screens.theaterId))
    .innerJoin(movies, eq(movies.id, shows.movieId))
    .where(and(gte(shows.startsAt, new Date(now.getTime() - (PAST_DAYS + 1) * 24 * HOUR)), lt(shows.startsAt, now), eq(shows.status, "scheduled")))
    .orderBy(asc(shows.startsAt));
  const hits = new Set(["orbit-of-ash", "kingdom-under-glass", "the-last-tram"]);
  return rows.map(({ slug, ...r }) => ({ ...r, popularity: hits.has(slug) ? 1 : slug === "static-season" ? 0.5 : 0.75 }));
}

/** Forty regular customers with accounts (the rest buy as guests); none when they exist already. */
async function seedCustomers(db: Db): Promise<Customer[]> {
  const values = Array.from({ length: 40 }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    return { name, email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${i + 1}@example.com` };
  });
  const rows = await db.insert(users).values(values).onConflictDoNothing().returning({ id: users.id, email: users.email });
  if (rows.length < values.length) return [];
  return rows.map((r) => ({ userId: r.id, email: r.email! }));
}

function guest(pick: PickOne, random: () => number): Customer {
  return { userId: null, email: `${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}${Math.floor(random() * 900 + 100)}@example.net` };
}

/** The theater's manager scans at its door (the demo has one per theater). */
async function doorStaffOf(db: Db, theaterId: string): Promise<DoorStaff | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email })
    .from(theaterManagers)
    .innerJoin(users, eq(users.id, theaterManagers.userId))
    .where(eq(theaterManagers.theaterId, theaterId))
    .limit(1);
  return row?.email ? { id: row.id, email: row.email } : null;
}

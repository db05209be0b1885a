// Scale-out proof (`npm run test:scale`): two `next start` instances of the production build on
// one Postgres database and one Redis, hundreds of customers buying at once through both, then
// the database is checked for anything two instances could get wrong together.
//
// - SCALE_CUSTOMERS customers (default 300; CI runs about 60), each signed in (users and sessions
//   are written straight into the database, so no email sign-in), race for fewer seats than they
//   want on one show: read the map, hold two or three seats, Continue, open the local test
//   checkout, then pay (most), decline then pay, decline then cancel, cancel, or just release the
//   hold. A customer who loses a race for seats looks at the map again and tries other seats.
//   Every step goes to the other instance than the step before.
// - SCALE_LOST_LOCK_PAIRS pairs (default one per 30 customers, at least 2) play out what Redis
//   alone cannot prevent — locks lost while a customer pays — on a second show: the test deletes
//   a paying customer's lock keys, a rival holds and checks out the same seats, and both pay at
//   once on different instances. Postgres must sell each seat once and refund the other payment.
// - SCALE_CANCEL_CUSTOMERS customers (default one in ten, at least 6) buy on a third show while an
//   admin cancels it (through the admin action, on one instance) once about half of them are in
//   checkout; and while everyone is still buying, the admin refunds SCALE_ADMIN_REFUNDS paid
//   orders of the main show (default one per 50 customers, at least 2) on the other instance.
//   No order may end paid on the cancelled show; every payment taken is kept as tickets or
//   refunded once (db/invariants.ts, the same checks as `npm run check:invariants`).
//
// Exit status: 0 when every check passes; 1 on any violation or failed journey; 2 when the
// run could not be set up. Servers are stopped and the database dropped on every way out.
// Set KEEP_LOGS=1 to keep the servers' logs.
import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import postgres from "postgres";
import { actionId } from "../bench/support/actions";
import { HttpClient } from "../bench/support/http";
import { clientAddress, mulberry32, passThroughEnv } from "../bench/support/customers";
import { REDIS_URL, cleanup, createDatabase, onCleanup, ensureBuild, scratchDir, sleep, startInstances, type Instance } from "../bench/support/instances";
import { table } from "../bench/support/load";
import { databaseChecks, journeyAgreesWithDatabase } from "../tests/scale/checks";
import { actionIds, adminAction, buy, lostLockPair, type Customer, type JourneyContext, type Outcome, type Plan } from "../tests/scale/journey";
import { contendedShow, type Show } from "../tests/scale/seating";

const CUSTOMERS = Number(process.env.SCALE_CUSTOMERS ?? 300);
const PAIRS = Number(process.env.SCALE_LOST_LOCK_PAIRS ?? Math.max(2, Math.round(CUSTOMERS / 30)));
const CANCEL_CUSTOMERS = Number(process.env.SCALE_CANCEL_CUSTOMERS ?? Math.max(6, Math.round(CUSTOMERS / 10)));
const ADMIN_REFUNDS = Number(process.env.SCALE_ADMIN_REFUNDS ?? Math.max(2, Math.round(CUSTOMERS / 50)));
const SEED = Number(process.env.SCALE_SEED ?? 20_261_108);
const SCREEN = "Grand (Large Format)";
// The Grand screen has 26 seats a row; parties average 2.5. Enough rows that about half of the
// demand can be met, so there are both sales and lost races.
const ROWS = Math.min(17, Math.max(1, Math.round((CUSTOMERS * 2.5) / 2 / 26)));

const PLANS: [Plan, number][] = [
  ["pay", 0.6],
  ["decline-then-pay", 0.1],
  ["decline-then-cancel", 0.1],
  ["cancel", 0.1],
  ["release", 0.1],
];

function planFor(r: number): Plan {
  let acc = 0;
  for (const [plan, share] of PLANS) if (r < (acc += share)) return plan;
  return "pay";
}

async function createCustomers(sql: postgres.Sql, count: number, random: () => number): Promise<Customer[]> {
  const customers: Customer[] = Array.from({ length: count }, (_, i) => ({
    index: i,
    userId: `scale-user-${i}-${randomBytes(4).toString("hex")}`,
    email: `scale-${i}@example.test`,
    sessionToken: randomBytes(24).toString("hex"),
    holder: `scale${i}_${randomBytes(18).toString("base64url")}`,
    address: clientAddress(100_000 + i),
    plan: planFor(random()),
    party: random() < 0.5 ? 2 : 3,
    step: 0,
    holdConflicts: 0,
  }));
  const expires = new Date(Date.now() + 24 * 3600_000);
  // Auth.js's database sessions: the cookie carries the token, the row says whose it is.
  for (let i = 0; i < customers.length; i += 500) {
    const slice = customers.slice(i, i + 500);
    await sql`insert into "user" ${sql(slice.map((c) => ({ id: c.userId, email: c.email, name: `Scale ${c.index}`, emailVerified: new Date() })))}`;
    await sql`insert into session ${sql(slice.map((c) => ({ sessionToken: c.sessionToken, userId: c.userId, expires })))}`;
  }
  return customers;
}

/** Webhook work runs after the response (next/server `after`); wait until every event is processed. */
async function waitForQuiet(sql: postgres.Sql, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ open }] = await sql<{ open: number }[]>`select count(*)::int as open from stripe_events where processed_at is null`;
    if (open === 0) return;
    if (Date.now() > deadline) {
      console.log(`  ${open} webhook events still unprocessed after ${timeoutMs / 1000} s`);
      return;
    }
    await sleep(500);
  }
}

type Scrape = Map<string, number>;

async function scrapeMetrics(inst: Instance): Promise<Scrape | string> {
  const headers: Record<string, string> = {};
  if (process.env.METRICS_TOKEN) headers.authorization = `Bearer ${process.env.METRICS_TOKEN}`;
  try {
    const res = await fetch(`http://127.0.0.1:${inst.port}/api/metrics`, { headers });
    if (!res.ok) return `HTTP ${res.status}`;
    const out: Scrape = new Map();
    for (const line of (await res.text()).split("\n")) {
      const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)$/.exec(line);
      if (m) out.set(m[1] + (m[2] ?? ""), Number(m[3]));
    }
    return out;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The orders counts from /api/metrics on each instance, next to the database's. */
async function compareMetrics(sql: postgres.Sql, instances: Instance[], journeys: { holds: number; checkouts: number }) {
  const scrapes = await Promise.all(instances.map(scrapeMetrics));
  const failed = scrapes.find((s): s is string => typeof s === "string");
  if (failed) {
    console.log(`\n/api/metrics not available (${failed}); skipping the metrics comparison`);
    return;
  }
  const maps = scrapes as Scrape[];
  const dbRows = await sql<{ status: string; n: number }[]>`select status::text as status, count(*)::int as n from orders group by status`;
  const [{ conflicts }] = await sql<{ conflicts: number }[]>`select count(*)::int as conflicts from orders where refund_reason = 'seat_conflict'`;
  const dbCount = (status: string) => dbRows.find((r) => r.status === status)?.n ?? 0;
  const sum = (key: string) => maps.reduce((n, m) => n + (m.get(key) ?? 0), 0);
  const rows: (string | number)[][] = [];
  for (const status of ["pending", "paid", "expired", "cancelled", "refunded"]) {
    const gauge = `orders_by_status{status="${status}"}`;
    const counter = `orders_total{status="${status}"}`;
    rows.push([`orders ${status}`, dbCount(status), ...maps.map((m) => m.get(gauge) ?? "-"), status === "pending" ? "-" : sum(counter)]);
  }
  rows.push(["seat conflicts", conflicts, ...maps.map(() => "-"), sum("seat_conflicts_total")]);
  rows.push(["holds taken (journeys: " + journeys.holds + ")", "-", ...maps.map(() => "-"), sum("holds_taken_total")]);
  rows.push(["checkouts started (journeys: " + journeys.checkouts + ")", "-", ...maps.map(() => "-"), sum("checkouts_started_total")]);
  console.log(
    "\nMetrics vs database (orders_by_status is read from the database on each scrape; *_total counters are per instance, summed here)\n" +
      table(["", "database", ...instances.map((i) => `gauge ${i.name}`), `counters ${instances.map((i) => i.name).join("+")}`], rows),
  );
}

/** An admin with a database session, as createCustomers makes customers. */
async function createAdmin(sql: postgres.Sql) {
  const admin = { userId: `scale-admin-${randomBytes(4).toString("hex")}`, sessionToken: randomBytes(24).toString("hex") };
  await sql`insert into "user" ${sql({ id: admin.userId, email: `${admin.userId}@example.test`, name: "Scale admin", emailVerified: new Date(), role: "admin" })}`;
  await sql`insert into session ${sql({ sessionToken: admin.sessionToken, userId: admin.userId, expires: new Date(Date.now() + 24 * 3600_000) })}`;
  return admin;
}

type AdminWork = { cancelled: boolean; refunded: number; detail?: string };

/**
 * The box office while customers buy: cancels `cancelled` once half of its customers have a
 * checkout open (on the first instance), and refunds paid orders of `main` as they appear (on
 * the second), until `refunds` are done or the customers are.
 */
async function adminWhileBuying(
  ctx: JourneyContext,
  sql: postgres.Sql,
  admin: { sessionToken: string },
  plan: { cancelled: Show; group: Customer[]; main: Show; buyers: Customer[]; refunds: number; done: () => boolean },
): Promise<AdminWork> {
  const work: AdminWork = { cancelled: false, refunded: 0 };
  const ids = { cancel: actionId("cancelShowAction", "app/admin/shows/actions.ts"), refund: actionId("refundBookingAction", "app/admin/bookings/actions.ts") };
  const cancel = async () => {
    while (plan.group.filter((c) => c.sessionId).length < plan.group.length / 2 && !plan.done()) await sleep(20);
    await adminAction(ctx, admin, { port: ctx.instances[0].port, page: "/admin/shows", id: ids.cancel, arg: { showId: plan.cancelled.showId } });
    work.cancelled = true;
  };
  const refund = async () => {
    const refunded = new Set<string>();
    while (refunded.size < plan.refunds) {
      // Read before the pass: once the customers are done, one last pass refunds what is left, so
      // a run where most payments land at the very end still makes its refunds (CI once ended
      // with one of two because the loop stopped with the buyers).
      const last = plan.done();
      // Orders of customers who have seen their tickets: a refund before that would change what
      // the success page tells them, which the journey check compares.
      const seen = plan.buyers.filter((c) => c.outcome === "paid" && c.sessionId).map((c) => c.sessionId!);
      const paid = seen.length ? await sql<{ id: string }[]>`select id from orders where stripe_session_id in ${sql(seen)} and status = 'paid' order by paid_at` : [];
      for (const { id } of paid.filter((o) => !refunded.has(o.id)).slice(0, plan.refunds - refunded.size)) {
        await adminAction(ctx, admin, { port: ctx.instances[1 % ctx.instances.length].port, page: "/admin/bookings", id: ids.refund, arg: { orderId: id } });
        refunded.add(id);
      }
      if (last) break;
      await sleep(50);
    }
    work.refunded = refunded.size;
  };
  try {
    await Promise.all([cancel(), refund()]);
  } catch (err) {
    work.detail = err instanceof Error ? err.message : String(err);
  }
  return work;
}

async function main(): Promise<number> {
  ensureBuild();
  const dataDir = scratchDir("marquee-scale");
  const db = await createDatabase("marquee_bench");
  console.log(`database ${db.name}, redis ${REDIS_URL}`);
  const instances = await startInstances({ count: 2, databaseUrl: db.url, dataDir, extraEnv: passThroughEnv() });
  console.log(`instances ${instances.map((i) => `${i.name} :${i.port}`).join(", ")}`);

  const sql = postgres(db.url, { max: 4, onnotice: () => {} });
  const redis = new Redis(REDIS_URL);
  onCleanup(async () => {
    redis.disconnect();
    await sql.end();
  });

  const random = mulberry32(SEED);
  const show = await contendedShow(sql, { screen: SCREEN, nth: 0, rows: ROWS, random });
  const conflictShow = await contendedShow(sql, { screen: SCREEN, nth: 1, rows: Math.ceil(PAIRS / 10) + 1, random });
  if (conflictShow.chunks.length < PAIRS) throw new Error(`${PAIRS} lost-lock pairs need as many chunks; the show has ${conflictShow.chunks.length}`);
  const cancelledShow = await contendedShow(sql, { screen: SCREEN, nth: 2, rows: Math.ceil((CANCEL_CUSTOMERS * 2.5) / 26) + 1, random });
  const all = await createCustomers(sql, CUSTOMERS + 2 * PAIRS + CANCEL_CUSTOMERS, random);
  const customers = all.slice(0, CUSTOMERS);
  const cancelGroup = all.slice(CUSTOMERS + 2 * PAIRS);
  const admin = await createAdmin(sql);
  const pairs = Array.from({ length: PAIRS }, (_, k) => ({ victim: all[CUSTOMERS + 2 * k], rival: all[CUSTOMERS + 2 * k + 1] }));
  const demand = customers.reduce((n, c) => n + c.party, 0);
  console.log(`${CUSTOMERS} customers want ${demand} seats; ${show.seats} seats in play (${show.chunks.length} chunks of 2-3) on one show; ${PAIRS} lost-lock pairs on another`);

  const ctx = { client: new HttpClient(64), instances, ids: actionIds(), random };
  const lockKeys = (s: Show, ids: string[]) => ids.map((id) => `seat_lock:${s.showId}:${id}`);
  const started = performance.now();
  let buying = true;
  const adminWork = adminWhileBuying(ctx, sql, admin, { cancelled: cancelledShow, group: cancelGroup, main: show, buyers: customers, refunds: ADMIN_REFUNDS, done: () => !buying });
  await Promise.all([
    ...cancelGroup.map((c) => buy(ctx, c, cancelledShow)),
    ...customers.map((c) => buy(ctx, c, show)),
    ...pairs.map((p, k) =>
      lostLockPair(ctx, p.victim, p.rival, conflictShow, conflictShow.chunks[k], async (ids) => {
        await redis.del(lockKeys(conflictShow, ids));
      }),
    ),
  ]);
  buying = false;
  const adminDone = await adminWork;
  const elapsed = (performance.now() - started) / 1000;
  ctx.client.close();
  await waitForQuiet(sql);

  const { passed, violations } = await databaseChecks(sql);
  violations.push(...(await journeyAgreesWithDatabase(sql, all)));

  const pairMembers = pairs.flatMap((p) => [p.victim, p.rival]);
  // Among ordinary customers the locks must do all the work: a seat-conflict refund there means
  // two customers were both let through to pay for one seat.
  const unexpected = customers.filter((c) => c.outcome === "refunded");
  if (unexpected.length) violations.push({ check: "no seat conflicts among customers whose locks were intact", rows: unexpected.map((c) => ({ customer: c.index, chunk: c.chunk?.label })) });
  const badPairs = pairs.filter((p) => [p.victim.outcome, p.rival.outcome].sort().join() !== "paid,refunded");
  if (badPairs.length) {
    violations.push({
      check: "each lost-lock pair ends with one sale and one seat-conflict refund",
      rows: badPairs.map((p) => ({ victim: p.victim.outcome, rival: p.rival.outcome, detail: p.victim.detail ?? p.rival.detail })),
    });
  }
  if (!adminDone.cancelled || adminDone.detail || adminDone.refunded < ADMIN_REFUNDS) violations.push({ check: "the admin cancels a show and refunds orders while customers buy", rows: [adminDone] });
  const failedJourneys = all.filter((c) => c.outcome === "error" || c.outcome === undefined);
  if (failedJourneys.length) {
    violations.push({ check: "every journey ends in an outcome the app shows a customer", rows: failedJourneys.map((c) => ({ customer: c.index, plan: c.plan, detail: c.detail })) });
  }

  const count = (list: Customer[], o: Outcome) => list.filter((c) => c.outcome === o).length;
  const [{ sold }] = await sql<{ sold: number }[]>`select count(*)::int as sold from tickets where status <> 'voided' and show_id = ${show.showId}`;
  console.log(
    "\n" +
      table(
        ["customers", "paid", "refunded (conflict)", "cancelled", "released", "sold out / gave up", "checkout refused", "throttled", "failed", "lost hold races", "seats sold", "elapsed s"],
        [[
          CUSTOMERS,
          count(customers, "paid"),
          count(customers, "refunded"),
          count(customers, "cancelled"),
          count(customers, "released"),
          `${count(customers, "sold-out")} / ${count(customers, "gave-up")}`,
          count(customers, "checkout-refused"),
          count(customers, "throttled"),
          customers.filter((c) => c.outcome === "error").length,
          customers.reduce((n, c) => n + c.holdConflicts, 0),
          `${sold} of ${show.seats}`,
          elapsed.toFixed(1),
        ]],
      ),
  );
  console.log(
    `lost-lock pairs: ${PAIRS}, paid ${count(pairMembers, "paid")}, refunded for a seat conflict ${count(pairMembers, "refunded")}, failed ${pairMembers.filter((c) => c.outcome === "error").length}`,
  );
  console.log(
    `cancelled show: ${CANCEL_CUSTOMERS} customers, paid before the cancellation ${count(cancelGroup, "paid")}, refunded ${count(cancelGroup, "refunded")}, payment page closed ${count(cancelGroup, "session-ended")}, checkout refused ${count(cancelGroup, "checkout-refused")}, failed ${cancelGroup.filter((c) => c.outcome === "error").length}; admin refunds on the main show: ${adminDone.refunded}`,
  );
  const throttled = all.filter((c) => c.outcome === "throttled");
  if (throttled.length) console.log(`warning: ${throttled.length} customers were rate limited (${throttled[0].detail}); their journeys did not run`);

  const holds = all.filter((c) => c.chunk).length;
  const checkouts = all.filter((c) => c.sessionId).length;
  await compareMetrics(sql, instances, { holds, checkouts });

  console.log("\nDatabase checks:");
  for (const name of passed) console.log(`  ok    ${name}`);
  for (const v of violations) {
    console.log(`  FAIL  ${v.check} (${v.rows.length})`);
    for (const row of v.rows.slice(0, 5)) console.log(`          ${JSON.stringify(row)}`);
  }

  // The locks would expire by themselves; the show ids are unique to this database anyway.
  await redis.del(
    ...[show, conflictShow, cancelledShow].flatMap((s) => lockKeys(s, s.chunks.flatMap((c) => c.seatIds))),
  );
  console.log(violations.length ? `\nFAILED: ${violations.length} checks broken` : "\nOK: two instances behaved as one");
  return violations.length ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(err);
  process.exitCode = 2;
} finally {
  await cleanup();
}

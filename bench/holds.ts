// Seat-hold benchmark (`npm run bench:holds`), against the production build with local Redis.
//
// Part 1, speed: one `next start` instance; clients in a closed loop hold one seat with the real
// server action and release it again, at 1, 50 and 200 concurrent clients. Next to each figure,
// measured in the same run by the same load generator: a bare node:http server doing only the
// Redis SET NX PX (+ DEL). Speed never fails the run.
//
// Part 2, correctness: two instances on one Postgres and one Redis; 2,000 customers race for 300
// seats of one show, alternating instances. Then Redis is read directly and compared with what
// every customer was told. A seat promised to two customers fails the run (exit 1).
//
// Part 3, an on-sale rush (issue 22): customers arrive open-loop at RUSH_FACTOR x part 1's
// capacity for RUSH_SECONDS, three times on one fresh instance each: the show's waiting line on
// and answered by its front door (lib/booking/line-front-door.ts, as deployed), the line on and
// answered through Next's route (WAITING_LINE_THROUGH_NEXT=1, the path before the front door), and
// no line. Each instance is warmed first (2 s of holds on part 1's show); before each line-on
// rush, the same instance's line alone: 50 waiting visitors polling in a closed loop on another
// show, what a join or poll costs on each path.
//
// Needs only a production build (`npm run build`; made first when .next has none), the local
// Postgres (BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres: a database is
// created per run and dropped after) and Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379).
//
// Settings: BENCH_SECONDS (per level, default 8), BENCH_LEVELS (default "1,50,200"),
// RACE_CUSTOMERS (default 2000; 0 skips part 2), RACE_SEATS (default 300), BENCH_ADDRESSES (see
// below), RUSH_FACTOR (2), RUSH_SECONDS (30; 0 skips part 3), ADMIT_FRACTION (0.3: the line's rate
// as a share of capacity), LINE_CLIENTS / LINE_SECONDS (50 / 5: the line alone, polled in a
// closed loop before each line-on rush), BENCH_PORTS (a port range, default 3300-3399), BENCH_DB_PREFIX (the
// database name's prefix, default marquee_bench), KEEP_DB / KEEP_LOGS (keep them to look into).
//
// Rate limits (lib/rate-limit): requests from the machine itself are exempt in demo mode, which
// these servers run in, so sending no address would measure a hold without its limiter. By
// default (BENCH_ADDRESSES=spread) every hold in part 1 comes from a new customer — a fresh
// holder cookie and a fresh X-Forwarded-For address — so the limiter does its real work on each
// request and no budget is ever exhausted. BENCH_ADDRESSES=loopback sends no address and
// measures the hold path without the limiter. In part 2 each racing customer has its own address.
import { randomBytes } from "node:crypto";
import path from "node:path";
import Redis from "ioredis";
import postgres from "postgres";
import { ACTIONS, callJsonAction, type ActionCall, type Visitor } from "./support/actions";
import { HttpClient } from "./support/http";
import {
  APP_DIR,
  REDIS_URL,
  cleanup,
  createDatabase,
  ensureBuild,
  freePort,
  scratchDir,
  sleep,
  spawnTracked,
  startInstances,
  stopProcess,
  type Instance,
} from "./support/instances";
import { closedLoop, ms, summarise, table, type StepOutcome, type Summary } from "./support/load";
import { clientAddress, mulberry32, passThroughEnv } from "./support/customers";
import { lineCapacity, rush, setLine, type RushResult } from "./support/onsale";
import { loadavg } from "node:os";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const LEVELS = (process.env.BENCH_LEVELS ?? "1,50,200").split(",").map(Number);
const RACE_CUSTOMERS = Number(process.env.RACE_CUSTOMERS ?? 2000);
const RACE_SEATS = Number(process.env.RACE_SEATS ?? 300);
const HOLD_TTL_MS = 10 * 60_000;
const SPREAD_ADDRESSES = (process.env.BENCH_ADDRESSES ?? "spread") !== "loopback";
// Part 3 (issue 22): arrivals at RUSH_FACTOR x part 1's capacity for RUSH_SECONDS (0 skips it),
// the line letting in ADMIT_FRACTION of that capacity per second.
const RUSH_FACTOR = Number(process.env.RUSH_FACTOR ?? 2);
const RUSH_SECONDS = Number(process.env.RUSH_SECONDS ?? 30);
const ADMIT_FRACTION = Number(process.env.ADMIT_FRACTION ?? 0.3);
// Part 3 also measures the line alone: LINE_CLIENTS visitors polling for LINE_SECONDS.
const LINE_CLIENTS = Number(process.env.LINE_CLIENTS ?? 50);
const LINE_SECONDS = Number(process.env.LINE_SECONDS ?? 5);

/** The machine's load average, printed beside every figure: other work on it skews them. */
const load = () => loadavg().map((n) => n.toFixed(2)).join(" / ");

type HoldOutput = { mine: string[]; expiresAt: number | null };
type ShowSeats = { showId: string; seatIds: string[] };

// The app only accepts holder cookies of 22-64 URL-safe characters (a shorter one is replaced by
// a fresh id it mints, which the client would never see); 24 random characters keep it valid.
const holderId = (tag: string, i: number) => `${tag}${i}_${randomBytes(18).toString("base64url")}`;

/** The Grand screen's last show in the seeded week: far enough ahead that it cannot start mid-run. */
async function grandShows(databaseUrl: string, count: number): Promise<ShowSeats[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const shows = await sql<{ id: string; screen_id: string }[]>`
      select s.id, s.screen_id from shows s join screens sc on sc.id = s.screen_id
      where sc.name = 'Grand (Large Format)' and s.status = 'scheduled' and s.starts_at > now() + interval '1 day'
      order by s.starts_at desc limit ${count}`;
    if (shows.length < count) throw new Error("the seeded week has too few Grand shows");
    return await Promise.all(
      shows.map(async (s) => {
        const seats = await sql<{ id: string }[]>`
          select id from seats where screen_id = ${s.screen_id} and active order by y, x`;
        return { showId: s.id, seatIds: seats.map((r) => r.id) };
      }),
    );
  } finally {
    await sql.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Part 1: throughput and latency, app vs. bare baseline

async function startBaseline(dataDir: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = await freePort();
  // process.execArgv carries tsx's loader flags, so the child runs TypeScript the same way.
  const proc = spawnTracked(process.execPath, [...process.execArgv, path.join(APP_DIR, "bench", "support", "baseline-server.ts")], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: String(port), REDIS_URL, HOLD_TTL_MS: String(HOLD_TTL_MS) },
    logFile: path.join(dataDir, "baseline.log"),
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/nothing`, { method: "POST", body: "[{}]" });
      if (res.status === 400 || res.status === 404) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error("baseline server did not start");
    await sleep(100);
  }
  return { port, stop: () => stopProcess(proc) };
}

type Target = {
  label: string;
  /** What the customer does before the timed hold (opening the page), not timed. */
  visit?: (client: HttpClient, visitor: Visitor, arg: ShowSeats) => Promise<void>;
  hold: (client: HttpClient, visitor: Visitor, arg: ShowSeats) => Promise<ActionCall<HoldOutput> | { status: number; result: { ok: boolean; code?: string } | null }>;
  release: (client: HttpClient, visitor: Visitor, arg: ShowSeats) => Promise<unknown>;
};

function appTarget(inst: Instance): Target {
  const holdId = ACTIONS.holdSeats();
  const releaseId = ACTIONS.releaseSeats();
  return {
    label: "app",
    hold: (client, visitor, arg) => callJsonAction<HoldOutput>(client, { port: inst.port, page: `/shows/${arg.showId}`, id: holdId, arg, visitor }),
    release: (client, visitor, arg) => callJsonAction<HoldOutput>(client, { port: inst.port, page: `/shows/${arg.showId}`, id: releaseId, arg, visitor }),
  };
}

/**
 * A new customer as a browser is one: they open the showtime page (not timed; a first page
 * hands them their holder cookie), then tap their first seat (timed), then let it go. Run at one client
 * only: the page render in every iteration would swamp a throughput figure.
 */
function firstHoldTarget(inst: Instance): Target & { answerBytes: number[] } {
  const holdId = ACTIONS.holdSeats();
  const releaseId = ACTIONS.releaseSeats();
  const cookieOf = new WeakMap<Visitor, string>();
  const answerBytes: number[] = [];
  const action = (client: HttpClient, id: string, visitor: Visitor, arg: ShowSeats) =>
    callJsonAction<HoldOutput>(client, { port: inst.port, page: `/shows/${arg.showId}`, id, arg, visitor: { cookie: cookieOf.get(visitor) ?? "", forwardedFor: visitor.forwardedFor } });
  return {
    label: "first hold",
    answerBytes,
    visit: async (client, visitor, arg) => {
      const page = await client.request({
        port: inst.port,
        method: "GET",
        path: `/shows/${arg.showId}`,
        // What a browser sends when it opens a page: the app hands out the holder cookie then.
        headers: { accept: "text/html", "sec-fetch-dest": "document", ...(visitor.forwardedFor ? { "x-forwarded-for": visitor.forwardedFor } : {}) },
      });
      cookieOf.set(visitor, holderCookieOf(page.headers["set-cookie"]) ?? "");
    },
    hold: async (client, visitor, arg) => {
      const call = await action(client, holdId, visitor, arg);
      // A hold that sets the cookie itself (when the page did not): the browser keeps it.
      const set = holderCookieOf(call.response.headers["set-cookie"]);
      if (set) cookieOf.set(visitor, set);
      answerBytes.push(Buffer.byteLength(call.response.body));
      return call;
    },
    release: (client, visitor, arg) => action(client, releaseId, visitor, arg),
  };
}

function holderCookieOf(setCookie: string[] | undefined): string | null {
  const match = (setCookie ?? []).map((c) => /^mq_holder=([^;]+)/.exec(c)).find(Boolean);
  return match ? `mq_holder=${match[1]}` : null;
}

/**
 * Next's own floor for this route: the same page and server-action pipeline (routing, action
 * decoding, cookies, zod, the RSC reply) with no work behind it — the release action refusing an
 * input that fails validation, before it touches Redis or Postgres. Two calls per iteration,
 * like hold + release. No hold can be faster than this.
 */
function floorTarget(inst: Instance): Target {
  const releaseId = ACTIONS.releaseSeats();
  const call = async (client: HttpClient, visitor: Visitor, arg: ShowSeats) => {
    const answer = await callJsonAction<HoldOutput>(client, { port: inst.port, page: `/shows/${arg.showId}`, id: releaseId, arg: { showId: "not-a-show", seatIds: [] }, visitor });
    if (answer.result && !answer.result.ok && answer.result.code === "bad_input") return { status: 200, result: { ok: true as const, data: { mine: [] } } };
    throw new Error(`the floor's refusal answered ${answer.status} ${JSON.stringify(answer.result)}`);
  };
  return { label: "floor", hold: (client, visitor, arg) => call(client, visitor, arg), release: (client, visitor, arg) => call(client, visitor, arg) };
}

/**
 * Next's floor plus one Redis round trip: the release action letting go of a seat the visitor
 * does not hold (the pipeline, the holder cookie, one small release script, the answer). No
 * action that asks Redis anything can be cheaper; it shows how much of app/floor a single round
 * trip takes on this machine before any work of a hold's own. Two calls per iteration, as above.
 */
function oneTripTarget(inst: Instance): Target {
  const releaseId = ACTIONS.releaseSeats();
  const call = async (client: HttpClient, visitor: Visitor, arg: ShowSeats) => {
    const answer = await callJsonAction<HoldOutput>(client, { port: inst.port, page: `/shows/${arg.showId}`, id: releaseId, arg, visitor });
    if (answer.result?.ok && answer.result.data.mine.length === 0) return answer;
    throw new Error(`the one-trip release answered ${answer.status} ${JSON.stringify(answer.result)}`);
  };
  return { label: "floor + 1 trip", hold: call, release: call };
}

function baselineTarget(port: number): Target {
  const post = async (client: HttpClient, route: string, visitor: Visitor, arg: ShowSeats) => {
    const res = await client.request({
      port,
      method: "POST",
      path: route,
      headers: { "content-type": "text/plain;charset=UTF-8", cookie: visitor.cookie, ...(visitor.forwardedFor ? { "x-forwarded-for": visitor.forwardedFor } : {}) },
      body: JSON.stringify([arg]),
    });
    return { status: res.status, result: res.status === 200 ? (JSON.parse(res.body) as { ok: boolean }) : null };
  };
  return { label: "baseline", hold: (c, v, a) => post(c, "/hold", v, a), release: (c, v, a) => post(c, "/release", v, a) };
}

async function measureTarget(target: Target, show: ShowSeats, visitorFor: (i: number) => Visitor, concurrency: number, durationMs: number): Promise<Summary> {
  const client = new HttpClient(concurrency);
  try {
    const result = await closedLoop({
      concurrency,
      durationMs,
      // Each client owns one seat, so the loop measures the hold path, not contention.
      iteration: async (i, measure): Promise<StepOutcome> => {
        const arg = { showId: show.showId, seatIds: [show.seatIds[i]] };
        const visitor = visitorFor(i);
        await target.visit?.(client, visitor, arg);
        const held = await measure(() => target.hold(client, visitor, arg));
        const released = (await target.release(client, visitor, arg)) as { result: { ok: boolean; data?: { mine: string[] } } | null };
        // A release that frees nothing would leave the next hold of this seat refused.
        if (!released.result?.ok || released.result.data?.mine.length) throw new Error(`release failed: ${JSON.stringify(released.result)}`);
        if (held.status === 429 || (held.result && !held.result.ok && held.result.code === "rate_limited")) return "refused";
        if (!held.result) throw new Error(`hold answered HTTP ${held.status}`);
        if (!held.result.ok) throw new Error(`hold refused: ${JSON.stringify(held.result).slice(0, 200)}`);
        return "ok";
      },
    });
    return summarise(result);
  } finally {
    client.close();
  }
}

/** The size of a returning customer's hold answer (the seat map's every tap after the first). */
async function laterHoldBytes(app: Target, show: ShowSeats): Promise<number> {
  const client = new HttpClient(1);
  try {
    const visitor = { cookie: `mq_holder=${holderId("size", 0)}`, forwardedFor: clientAddress(999_998) };
    const arg = { showId: show.showId, seatIds: [show.seatIds[show.seatIds.length - 1]] };
    const held = (await app.hold(client, visitor, arg)) as ActionCall<HoldOutput>;
    await app.release(client, visitor, arg);
    return Buffer.byteLength(held.response.body);
  } finally {
    client.close();
  }
}

const sortedMedian = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function speedRun(databaseUrl: string, dataDir: string, show: ShowSeats) {
  const maxClients = Math.max(...LEVELS);
  if (maxClients > show.seatIds.length) throw new Error(`${maxClients} clients need as many seats; the show has ${show.seatIds.length}`);
  // One fixed customer per client, or (spread) a new customer for every iteration.
  const fixed: Visitor[] = Array.from({ length: maxClients }, (_, i) => ({ cookie: `mq_holder=${holderId("speed", i)}` }));
  let next = 0;
  const visitorFor = (i: number): Visitor =>
    SPREAD_ADDRESSES ? { cookie: `mq_holder=${holderId("speed", next)}`, forwardedFor: clientAddress(next++) } : fixed[i];

  console.log(`\nPart 1: hold one seat + release it, closed loop, ${SECONDS} s per level (node ${process.version}); load average ${load()} (1/5/15 min)`);
  console.log(SPREAD_ADDRESSES ? "  each hold from a new customer and address: rate limiter active" : "  no client address sent: loopback, exempt from rate limits");
  const [inst] = await startInstances({ count: 1, databaseUrl, dataDir, extraEnv: passThroughEnv() });
  const baseline = await startBaseline(dataDir);
  const app = appTarget(inst);
  const first = firstHoldTarget(inst);
  const floor = floorTarget(inst);
  const oneTrip = oneTripTarget(inst);
  const bare = baselineTarget(baseline.port);

  // Warm-up: JIT, the database pool, the lock script cache, the seat-id cache.
  await measureTarget(app, show, visitorFor, 50, 3_000);
  await measureTarget(first, show, visitorFor, 1, 1_000);
  await measureTarget(floor, show, visitorFor, 50, 1_000);
  await measureTarget(oneTrip, show, visitorFor, 50, 1_000);
  await measureTarget(bare, show, visitorFor, 50, 2_000);

  const rows: { level: number; app: Summary; floor: Summary; trip: Summary; base: Summary }[] = [];
  for (const level of LEVELS) {
    const appResult = await measureTarget(app, show, visitorFor, level, SECONDS * 1000);
    const floorResult = await measureTarget(floor, show, visitorFor, level, SECONDS * 1000);
    const tripResult = await measureTarget(oneTrip, show, visitorFor, level, SECONDS * 1000);
    const baseResult = await measureTarget(bare, show, visitorFor, level, SECONDS * 1000);
    rows.push({ level, app: appResult, floor: floorResult, trip: tripResult, base: baseResult });
    console.log(
      `  ${level} clients: app ${appResult.opsPerSec.toFixed(0)} holds/s, Next floor ${floorResult.opsPerSec.toFixed(0)}/s, floor + 1 trip ${tripResult.opsPerSec.toFixed(0)}/s, baseline ${baseResult.opsPerSec.toFixed(0)} holds/s`,
    );
  }
  first.answerBytes.length = 0;
  const firstHold = await measureTarget(first, show, visitorFor, 1, SECONDS * 1000);
  const firstBytes = sortedMedian(first.answerBytes);
  const laterBytes = await laterHoldBytes(app, show);
  await stopProcess(inst.proc);
  await baseline.stop();

  console.log(
    "\n" +
      table(
        ["clients", "app holds/s", "app p50 ms", "app p95 ms", "app p99 ms", "floor /s", "floor p50 ms", "floor p95 ms", "1-trip /s", "1-trip/floor", "base holds/s", "base p50 ms", "base p95 ms", "app/base", "floor/base", "app/floor", "errors"],
        rows.map(({ level, app: a, floor: f, trip: t, base: b }) => [
          level,
          a.opsPerSec.toFixed(0),
          ms(a.p50),
          ms(a.p95),
          ms(a.p99),
          f.opsPerSec.toFixed(0),
          ms(f.p50),
          ms(f.p95),
          t.opsPerSec.toFixed(0),
          (t.opsPerSec / f.opsPerSec).toFixed(2),
          b.opsPerSec.toFixed(0),
          ms(b.p50),
          ms(b.p95),
          (a.opsPerSec / b.opsPerSec).toFixed(2),
          (f.opsPerSec / b.opsPerSec).toFixed(2),
          (a.opsPerSec / f.opsPerSec).toFixed(2),
          a.errors + b.errors + f.errors + t.errors + a.refused + b.refused + f.refused + t.refused,
        ]),
      ),
  );
  console.log(
    `\n  a new customer's first hold (page opened first, 1 client): p50 ${ms(firstHold.p50)} ms, p95 ${ms(firstHold.p95)} ms, answer ${firstBytes} bytes` +
      ` (a later hold answers ${laterBytes} bytes)${firstHold.errors ? `; ${firstHold.errors} errors, first: ${firstHold.firstError}` : ""}`,
  );
  console.log("  floor: the same page's release action refusing an invalid input (Next's action pipeline and zod; no Redis, no Postgres), two calls per iteration");
  console.log("  1-trip: the release action letting go of a seat not held (the floor plus one small Redis script): the most app/floor any action that asks Redis can reach here");
  for (const { level, app: a, floor: f, trip: t, base: b } of rows) {
    for (const [label, s] of [["app", a], ["floor", f], ["floor + 1 trip", t], ["baseline", b]] as const) {
      if (s.errors || s.refused) console.log(`  ${level} clients, ${label}: ${s.errors} errors, ${s.refused} refused (rate limited)${s.firstError ? `; first: ${s.firstError}` : ""}`);
    }
  }
  const at50 = rows.find((r) => r.level === 50);
  const best = rows.reduce((m, r) => Math.max(m, r.app.opsPerSec / r.base.opsPerSec), 0);
  console.log(`\n  load average after part 1: ${load()} (1/5/15 min, 2 CPUs)`);
  console.log("\nTargets (reported, never failed on):");
  for (const { level, app: a, floor: f, trip: t } of rows) {
    const ratio = a.opsPerSec / f.opsPerSec;
    console.log(
      `  app/floor >= 0.9 at ${level} clients: ${ratio.toFixed(2)} -> ${ratio >= 0.9 ? "met" : "NOT met"}` +
        ` (one Redis round trip alone: ${(t.opsPerSec / f.opsPerSec).toFixed(2)}; app/(floor + 1 trip) ${(a.opsPerSec / t.opsPerSec).toFixed(2)})`,
    );
  }
  if (at50) console.log(`  hold p95 at 50 clients <= 1.2 x floor p95: ${ms(at50.app.p95)} ms vs ${ms(1.2 * at50.floor.p95)} ms -> ${at50.app.p95 <= 1.2 * at50.floor.p95 ? "met" : "NOT met"}`);
  console.log(`  app throughput >= 0.5 x baseline: best ratio ${best.toFixed(2)} -> ${best >= 0.5 ? "met" : "NOT met"}`);
  if (at50) console.log(`  hold p95 < 25 ms at 50 clients: ${ms(at50.app.p95)} ms -> ${at50.app.p95 < 25 ? "met" : "NOT met"}`);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Part 2: 2,000 customers race for 300 seats across two instances

type Racer = { index: number; holder: string; instance: Instance; seats: string[]; outcome: "held" | "refused" | "throttled" | "error"; claimed: string[]; detail?: string };

async function raceRun(databaseUrl: string, dataDir: string, show: ShowSeats): Promise<boolean> {
  console.log(`\nPart 2: two instances, ${RACE_CUSTOMERS} customers race for ${RACE_SEATS} seats of one show`);
  const instances = await startInstances({ count: 2, databaseUrl, dataDir, extraEnv: passThroughEnv() });
  const pool = show.seatIds.slice(0, RACE_SEATS);
  const random = mulberry32(20_260_301);
  const racers: Racer[] = Array.from({ length: RACE_CUSTOMERS }, (_, i) => {
    const want = 1 + Math.floor(random() * 4);
    const seats = new Set<string>();
    while (seats.size < want) seats.add(pool[Math.floor(random() * pool.length)]);
    return { index: i, holder: holderId("race", i), instance: instances[i % 2], seats: [...seats], outcome: "error", claimed: [] };
  });

  const holdId = ACTIONS.holdSeats();
  // 128 connections per instance: the requests queue in the client and hit both servers at once.
  const client = new HttpClient(128);
  const started = performance.now();
  await Promise.all(
    racers.map(async (r) => {
      try {
        const call = await callJsonAction<HoldOutput>(client, {
          port: r.instance.port,
          page: `/shows/${show.showId}`,
          id: holdId,
          arg: { showId: show.showId, seatIds: r.seats },
          visitor: { cookie: `mq_holder=${r.holder}`, forwardedFor: clientAddress(r.index) },
        });
        if (call.status === 429 || (call.result && !call.result.ok && call.result.code === "rate_limited")) r.outcome = "throttled";
        else if (!call.result) r.detail = `HTTP ${call.status}`;
        else if (call.result.ok) {
          r.outcome = "held";
          r.claimed = call.result.data.mine;
        } else if (call.result.code === "conflict") r.outcome = "refused";
        else r.detail = `${call.result.code}: ${call.result.message}`;
      } catch (err) {
        r.detail = err instanceof Error ? err.message : String(err);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  client.close();

  // The truth, read straight from Redis: one MGET over every seat of the show.
  const redis = new Redis(REDIS_URL);
  const keys = show.seatIds.map((id) => `seat_lock:${show.showId}:${id}`);
  const values = await redis.mget(keys);
  const lockHolder = new Map(show.seatIds.map((id, k) => [id, values[k]] as const));

  const problems: string[] = [];
  const claimedBy = new Map<string, number[]>();
  for (const r of racers.filter((x) => x.outcome === "held")) {
    const wanted = [...r.seats].sort().join();
    if ([...r.claimed].sort().join() !== wanted) problems.push(`customer ${r.index} asked for ${r.seats.length} seats and was told it holds ${r.claimed.length} others`);
    for (const seat of r.claimed) {
      claimedBy.set(seat, [...(claimedBy.get(seat) ?? []), r.index]);
      if (lockHolder.get(seat) !== r.holder) problems.push(`customer ${r.index} was told it holds seat ${seat}, but Redis says ${lockHolder.get(seat) ?? "nobody"}`);
    }
  }
  const doubles = [...claimedBy].filter(([, who]) => who.length > 1);
  for (const [seat, who] of doubles) problems.push(`seat ${seat} promised to customers ${who.join(", ")}`);
  const claimedSeats = [...claimedBy.keys()].length;
  const heldSeats = values.filter((v) => v !== null).length;
  const outsidePool = show.seatIds.filter((id, k) => values[k] !== null && !pool.includes(id)).length;
  const erroredHolders = new Set(racers.filter((r) => r.outcome === "error").map((r) => r.holder));
  // A customer whose request failed in transit may hold seats it was never told about; that is
  // not a double hold (the key still has one holder) and its TTL frees it. Anything else is.
  const unclaimed = [...lockHolder].filter(([seat, h]) => h !== null && !claimedBy.has(seat));
  const unexplained = unclaimed.filter(([, h]) => !erroredHolders.has(h!));
  for (const [seat, h] of unexplained) problems.push(`seat ${seat} is locked by ${h}, who was not told it won`);
  if (outsidePool) problems.push(`${outsidePool} seats outside the raced pool are locked`);

  // What viewers see, from each instance: the held count must be the same everywhere.
  const seen = await Promise.all(
    instances.map(async (inst) => {
      const res = await fetch(`http://127.0.0.1:${inst.port}/api/shows/${show.showId}/seats`);
      const body = (await res.json()) as { states: Record<string, string> };
      return Object.values(body.states).filter((s) => s === "held").length;
    }),
  );
  seen.forEach((n, k) => {
    if (n !== heldSeats) problems.push(`instance ${instances[k].name} shows ${n} held seats, Redis has ${heldSeats}`);
  });

  await redis.del(keys);
  redis.disconnect();
  await Promise.all(instances.map((i) => stopProcess(i.proc)));

  const count = (o: Racer["outcome"]) => racers.filter((r) => r.outcome === o).length;
  console.log(
    "\n" +
      table(
        ["customers", "held", "refused (taken)", "throttled", "errors", "seats claimed", "seats locked in Redis", "held on A / B", "double holds", "elapsed s", "holds/s"],
        [[
          RACE_CUSTOMERS,
          count("held"),
          count("refused"),
          count("throttled"),
          count("error"),
          claimedSeats,
          heldSeats,
          seen.join(" / "),
          doubles.length,
          elapsed.toFixed(1),
          (RACE_CUSTOMERS / elapsed).toFixed(0),
        ]],
      ),
  );
  const firstError = racers.find((r) => r.outcome === "error");
  if (firstError) console.log(`  first error: ${firstError.detail}`);
  if (unclaimed.length > unexplained.length) console.log(`  ${unclaimed.length - unexplained.length} seats locked by customers whose request errored (not double holds)`);
  if (problems.length) {
    console.log(`\nFAILED: ${problems.length} correctness problems`);
    for (const p of problems.slice(0, 20)) console.log(`  - ${p}`);
    return false;
  }
  console.log("\nOK: every seat has at most one holder, every winner holds exactly its seats, claimed = locked.");
  return true;
}

// ---------------------------------------------------------------------------------------------
// Part 3: an on-sale rush, open loop, with the waiting room on and off

async function rushRun(databaseUrl: string, dataDir: string, show: ShowSeats, pollShow: ShowSeats, warmShow: ShowSeats, capacity: number) {
  const rate = Math.max(1, Math.round(capacity * RUSH_FACTOR));
  const perMinute = Math.max(1, Math.round(capacity * ADMIT_FRACTION * 60));
  console.log(
    `\nPart 3: on-sale rush: ${rate} arrivals/s (${RUSH_FACTOR} x the ${capacity.toFixed(0)} holds/s measured at 50 clients) for ${RUSH_SECONDS} s, open loop;` +
      ` the line lets in ${perMinute}/min (${ADMIT_FRACTION} x capacity). Load average ${load()}`,
  );
  const results: [string, RushResult][] = [];
  const lineOnly: [string, Summary][] = [];
  // The line alone, on another show whose line lets in one a minute: every answer is a place.
  await setLine(databaseUrl, pollShow.showId, 1);
  const runs: { label: string; line: boolean; env: Record<string, string> }[] = [
    { label: "line on, front door", line: true, env: {} },
    { label: "line on, through Next", line: true, env: { WAITING_LINE_THROUGH_NEXT: "1" } },
    { label: "line off", line: false, env: {} },
  ];
  for (const [k, run] of runs.entries()) {
    await setLine(databaseUrl, show.showId, run.line ? perMinute : null);
    const [inst] = await startInstances({ count: 1, databaseUrl, dataDir, extraEnv: { ...passThroughEnv(), ...run.env } });
    // Warm, as part 1's instance is: a fresh server's first holds load the action's code while
    // the rush's first arrivals wait behind them.
    await measureTarget(appTarget(inst), warmShow, (i) => ({ cookie: `mq_holder=${holderId("warm", i)}`, forwardedFor: clientAddress(4_000_000 + i) }), 10, 2_000);
    if (run.line) lineOnly.push([run.label, await lineCapacity(inst, pollShow.showId, LINE_CLIENTS, LINE_SECONDS * 1000)]);
    const result = await rush({ inst, showId: show.showId, seatIds: show.seatIds, rate, seconds: RUSH_SECONDS, line: run.line, drainSeconds: run.line ? 15 : 0, timeoutMs: 10_000, firstCustomer: (k + 1) * 1_000_000 });
    await stopProcess(inst.proc);
    results.push([run.label, result]);
    console.log(`  ${run.label}: done, load average ${load()}`);
  }
  await setLine(databaseUrl, show.showId, null);
  await setLine(databaseUrl, pollShow.showId, null);
  console.log(
    `\nThe line alone (before each rush, same instance): ${LINE_CLIENTS} waiting visitors asking for their place in a closed loop, ${LINE_SECONDS} s\n` +
      table(
        ["path", "answers/s", "p50 ms", "p95 ms", "p99 ms", "errors"],
        lineOnly.map(([label, r]) => [label.replace("line on, ", ""), r.opsPerSec.toFixed(0), ms(r.p50), ms(r.p95), ms(r.p99), r.errors]),
      ),
  );
  console.log(
    "\n" +
      table(
        ["run", "arrivals", "admitted", "still in line", "holds", "taken", "throttled", "errors", "hold p50 ms", "hold p95 ms", "hold p99 ms", "line join p95 ms", "line poll p95 ms", "line polls", "longest wait s"],
        results.map(([label, r]) => {
          const on = label.startsWith("line on");
          return [label, r.arrivals, on ? r.admitted : "-", on ? r.stillWaiting : "-", r.holds, r.taken, r.throttled, r.errors, ms(r.holdP50), ms(r.holdP95), ms(r.holdP99), on ? ms(r.joinP95) : "-", on ? ms(r.pollP95) : "-", r.linePolls, on ? r.maxAdmitWaitS.toFixed(1) : "-"];
        }),
      ),
  );
  for (const [label, r] of results) if (r.firstError) console.log(`  ${label}: first error: ${r.firstError}`);
  const [on, viaNext, off] = results.map(([, r]) => r);
  console.log("\nTargets (reported, never failed on):");
  console.log(`  line on (front door): admitted holds p95 < 100 ms: ${ms(on.holdP95)} ms -> ${on.holdP95 < 100 ? "met" : "NOT met"}; errors 0: ${on.errors} -> ${on.errors === 0 ? "met" : "NOT met"}`);
  console.log(`  line on through Next (the old path, for comparison): admitted holds p95 ${ms(viaNext.holdP95)} ms, ${viaNext.errors} errors`);
  console.log(`  line off: ${off.holds} of ${off.arrivals} customers held a seat, p95 ${ms(off.holdP95)} ms, p99 ${ms(off.holdP99)} ms, ${off.errors} errors (a line request unanswered after 10 s, a hold after 60 s, count)`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  ensureBuild();
  const dataDir = scratchDir("marquee-bench");
  const db = await createDatabase(process.env.BENCH_DB_PREFIX ?? "marquee_bench");
  console.log(`database ${db.name}, redis ${REDIS_URL}, logs in ${dataDir}`);
  // Starting one instance migrates and seeds; the shows are read after that.
  const [first] = await startInstances({ count: 1, databaseUrl: db.url, dataDir });
  const [speedShow, raceShow, rushShow, pollShow] = await grandShows(db.url, 4);
  await stopProcess(first.proc);

  const rows = await speedRun(db.url, dataDir, speedShow);
  const capacity = (rows.find((r) => r.level === 50) ?? rows[rows.length - 1]).app.opsPerSec;
  if (RUSH_SECONDS > 0) await rushRun(db.url, dataDir, rushShow, pollShow, speedShow, capacity);
  // RACE_CUSTOMERS=0 skips part 2 (while working on part 1's figures).
  const ok = RACE_CUSTOMERS > 0 ? await raceRun(db.url, dataDir, raceShow) : true;
  process.exitCode = ok ? 0 : 1;
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 2;
} finally {
  await cleanup();
}

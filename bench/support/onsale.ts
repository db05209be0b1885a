// Part 3 of `npm run bench:holds` (issue 22): an on-sale rush. Customers arrive open-loop — on a
// fixed schedule, whatever the server answers — at a multiple of the capacity part 1 measured,
// for a fixed time, once with the show's waiting room on and once with it off.
//
// With the line on, each customer asks the line route for a place (as the line page does), waits
// as long as it says (retryAfterMs), and once admitted holds one seat with the real action
// (timed: "admitted holds") and lets it go. With the line off, each customer holds at once.
// Errors are answers that are neither a hold nor a clear refusal (seat taken, rate limited):
// HTTP failures, timeouts, 5xx.
import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import postgres from "postgres";
import { ACTIONS, callJsonAction } from "./actions";
import { HttpClient } from "./http";
import { REDIS_URL, sleep, type Instance } from "./instances";
import { closedLoop, percentile, summarise, type Summary } from "./load";
import { clientAddress } from "./customers";

type HoldOutput = { mine: string[]; expiresAt: number | null };
type LineAnswer = { admitted: boolean; place: number; ahead: number; waitSeconds: number; perMinute: number; next: string; retryAfterMs: number };

export type RushResult = {
  arrivals: number;
  joined: number;
  admitted: number;
  stillWaiting: number;
  holds: number;
  taken: number;
  throttled: number;
  errors: number;
  firstError: string | null;
  linePolls: number;
  joinP95: number;
  pollP95: number;
  holdP50: number;
  holdP95: number;
  holdP99: number;
  maxAdmitWaitS: number;
};

/** Turns the show's line on (from a minute ago, `perMinute`) or off, in Postgres, and drops its Redis facts so holds see it at once. */
export async function setLine(databaseUrl: string, showId: string, perMinute: number | null): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    if (perMinute === null) await sql`update shows set waiting_room_from = null, admission_per_minute = null where id = ${showId}`;
    else await sql`update shows set waiting_room_from = now() - interval '1 minute', admission_per_minute = ${perMinute} where id = ${showId}`;
  } finally {
    await sql.end();
  }
  const redis = new Redis(REDIS_URL);
  await redis.del(`show_facts:${showId}`, `show_sold:${showId}`, `waiting_room:${showId}`, `waiting_room_places:${showId}`);
  redis.disconnect();
}

const holderId = (i: number) => `rush${i}_${randomBytes(18).toString("base64url")}`;

function cookieValue(setCookie: string[] | undefined, name: string): string | null {
  for (const c of setCookie ?? []) if (c.startsWith(`${name}=`)) return c.slice(name.length + 1).split(";")[0];
  return null;
}

export async function rush(opts: {
  inst: Instance;
  showId: string;
  seatIds: string[];
  /** Arrivals per second. */
  rate: number;
  seconds: number;
  line: boolean;
  /** How long customers still in line keep waiting after the last arrival. */
  drainSeconds: number;
  /** Each request's deadline: past it the customer counts an error. */
  timeoutMs: number;
  firstCustomer: number;
}): Promise<RushResult> {
  const { inst, showId } = opts;
  const holdId = ACTIONS.holdSeats();
  const releaseId = ACTIONS.releaseSeats();
  // Enough sockets that no request waits in the client: the server sees the offered load.
  const client = new HttpClient(4_000);
  const r: RushResult = { arrivals: 0, joined: 0, admitted: 0, stillWaiting: 0, holds: 0, taken: 0, throttled: 0, errors: 0, firstError: null, linePolls: 0, joinP95: NaN, pollP95: NaN, holdP50: NaN, holdP95: NaN, holdP99: NaN, maxAdmitWaitS: 0 };
  const joinTimes: number[] = [];
  const pollTimes: number[] = [];
  const holdTimes: number[] = [];
  const free = [...opts.seatIds];
  const fail = (what: string) => {
    r.errors++;
    r.firstError ??= what;
  };
  const started = performance.now();
  const arrivalsEnd = started + opts.seconds * 1000;
  const giveUpAt = arrivalsEnd + opts.drainSeconds * 1000;

  async function customer(i: number) {
    const holder = holderId(i);
    const address = clientAddress(i);
    let cookie = `mq_holder=${holder}`;
    const arrived = performance.now();
    if (opts.line) {
      for (let first = true; ; first = false) {
        const t0 = performance.now();
        let answer: LineAnswer;
        try {
          const res = await client.request(
            { port: inst.port, method: "POST", path: `/api/shows/${showId}/line`, headers: { cookie, "x-forwarded-for": address, origin: inst.origin } },
            opts.timeoutMs,
          );
          if (res.status !== 200) return fail(`line answered HTTP ${res.status}: ${res.body.slice(0, 120)}`);
          answer = JSON.parse(res.body) as LineAnswer;
          const admission = cookieValue(res.headers["set-cookie"] as string[] | undefined, `mq_admit_${showId}`);
          if (admission) cookie = `mq_holder=${holder}; mq_admit_${showId}=${admission}`;
        } catch (err) {
          return fail(`line: ${err instanceof Error ? err.message : String(err)}`);
        }
        if (first) {
          r.joined++;
          joinTimes.push(performance.now() - t0);
        } else {
          r.linePolls++;
          pollTimes.push(performance.now() - t0);
        }
        if (answer.admitted) break;
        if (performance.now() + answer.retryAfterMs > giveUpAt) {
          r.stillWaiting++;
          return;
        }
        await sleep(answer.retryAfterMs);
      }
      r.admitted++;
      r.maxAdmitWaitS = Math.max(r.maxAdmitWaitS, (performance.now() - arrived) / 1000);
    }
    // A seat of its own while one is free (a seat goes back only once released), so "taken" means
    // the house really was all held at that moment.
    const pooled = free.pop();
    const seat = pooled ?? opts.seatIds[i % opts.seatIds.length];
    const arg = { showId, seatIds: [seat] };
    let locked = false;
    try {
      const t0 = performance.now();
      const held = await callJsonAction<HoldOutput>(client, { port: inst.port, page: `/shows/${showId}`, id: holdId, arg, visitor: { cookie, forwardedFor: address } });
      const took = performance.now() - t0;
      if (!held.result) return fail(`hold answered HTTP ${held.status}`);
      if (!held.result.ok) {
        if (held.result.code === "conflict") r.taken++;
        else if (held.result.code === "rate_limited") r.throttled++;
        else fail(`hold refused: ${held.result.code}: ${held.result.message}`);
        return;
      }
      r.holds++;
      locked = true;
      holdTimes.push(took);
      const release = await callJsonAction<HoldOutput>(client, { port: inst.port, page: `/shows/${showId}`, id: releaseId, arg, visitor: { cookie, forwardedFor: address } });
      locked = !(release.result?.ok === true && !release.result.data.mine.includes(seat));
      if (locked) fail(`release answered ${release.status} ${JSON.stringify(release.result).slice(0, 160)}`);
    } catch (err) {
      fail(`hold: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      // A seat still locked (its release failed) stays out until its hold runs out.
      if (pooled && !locked) free.unshift(seat);
    }
  }

  // The schedule: customer k arrives at k / rate seconds, whether or not earlier ones are done.
  const running: Promise<void>[] = [];
  const total = Math.floor(opts.rate * opts.seconds);
  for (let k = 0; k < total; k++) {
    const due = started + (k * 1000) / opts.rate;
    const now = performance.now();
    if (due > now) await sleep(due - now);
    r.arrivals++;
    running.push(customer(opts.firstCustomer + k));
  }
  await Promise.all(running);
  client.close();
  const f = Float64Array.from(holdTimes);
  r.joinP95 = percentile(Float64Array.from(joinTimes), 0.95);
  r.pollP95 = percentile(Float64Array.from(pollTimes), 0.95);
  r.holdP50 = percentile(f, 0.5);
  r.holdP95 = percentile(f, 0.95);
  r.holdP99 = percentile(f, 0.99);
  return r;
}

/**
 * What one instance answers of the line alone: `concurrency` waiting visitors (a holder cookie
 * each, as the line page sends) asking for their place in a closed loop, on a show whose line
 * admits nobody in the time (so every answer is a place, one line script call). The cost of a
 * join or poll, apart from holds.
 */
export async function lineCapacity(inst: Instance, showId: string, concurrency: number, durationMs: number): Promise<Summary> {
  const client = new HttpClient(concurrency);
  const holders = Array.from({ length: concurrency }, (_, i) => holderId(3_000_000 + i));
  try {
    const result = await closedLoop({
      concurrency,
      durationMs,
      iteration: async (i, measure) => {
        const res = await measure(() =>
          client.request({ port: inst.port, method: "POST", path: `/api/shows/${showId}/line`, headers: { cookie: `mq_holder=${holders[i]}`, "x-forwarded-for": clientAddress(3_000_000 + i), origin: inst.origin } }, 10_000),
        );
        if (res.status !== 200) throw new Error(`line answered HTTP ${res.status}: ${res.body.slice(0, 120)}`);
        return "ok";
      },
    });
    return summarise(result);
  } finally {
    client.close();
  }
}


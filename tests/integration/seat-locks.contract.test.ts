import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onEveryBackend, useContractBackend, type ContractBackend } from "@/tests/support/store-contract";
import { createMemorySeatLocks } from "@/lib/seat-locks/memory";
import { connectRedis } from "@/lib/redis/ioredis";
import { connectUpstash } from "@/lib/redis/upstash";
import { scriptedSeatLocks } from "@/lib/seat-locks/scripted-store";
import type { SeatLockBackend, SeatLockStore } from "@/lib/seat-locks/types";
import { startUpstashFake, type UpstashFake } from "@/tests/support/upstash-fake";
import { factsOf, showFactsContract } from "@/tests/support/show-facts-contract";

// One set of rules, run against every backend: memory always; Redis (TCP) and Upstash (the
// REST fake in front of the same real Redis) when REDIS_URL is set, as in CI.

const REDIS_URL = process.env.REDIS_URL;
const LONG = 60_000;
const SHORT = 150;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// A fresh show per test keeps runs (and backends sharing one Redis) out of each other's way.
const newShow = () => `show-${randomUUID()}`;
const newHolder = () => `holder-${randomUUID()}`;
const seats = (n: number) => Array.from({ length: n }, (_, i) => `seat-${i + 1}`);

function sample<T>(items: T[], n: number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

function seatLockContract(kind: SeatLockBackend, setup: () => Promise<ContractBackend<SeatLockStore>>) {
  describe(`seat locks on ${kind}`, () => {
    const backend = useContractBackend(setup);
    const { connect } = backend;

    it("reports its kind and answers ping", async () => {
      expect(backend.store.kind).toBe(kind);
      await expect(backend.store.ping()).resolves.toBeUndefined();
    });

    it("gives one seat to exactly one of 1,000 concurrent contenders", async () => {
      const show = newShow();
      const clients = [backend.store, connect(), connect(), connect()];
      const contenders = Array.from({ length: 1_000 }, newHolder);
      const results = await Promise.all(contenders.map((h, i) => clients[i % clients.length].hold(show, ["A1"], h, LONG)));
      const winners = contenders.filter((_, i) => results[i].ok);
      expect(winners).toHaveLength(1);
      for (const r of results) if (!r.ok) expect(r.taken).toEqual(["A1"]);
      expect(await backend.store.holders(show, ["A1"])).toEqual(new Map([["A1", winners[0]]]));
    });

    it("never interleaves overlapping multi-seat holds", async () => {
      const clients = [backend.store, connect(), connect()];
      for (let round = 0; round < 5; round++) {
        const show = newShow();
        const all = seats(10);
        const requests = Array.from({ length: 50 }, () => ({ holder: newHolder(), seats: sample(all, 4) }));
        const results = await Promise.all(requests.map((r, i) => clients[i % clients.length].hold(show, r.seats, r.holder, LONG)));
        const held = await backend.store.holders(show, all);

        const winners = requests.filter((_, i) => results[i].ok);
        expect(winners.length).toBeGreaterThan(0);
        const winnerOf = new Map(winners.map((w) => [w.holder, w]));
        // Every held seat belongs to a holder whose whole request succeeded and asked for it…
        for (const [seat, holder] of held) expect(winnerOf.get(holder)?.seats).toContain(seat);
        // …and every successful holder still has all of its seats (so winners are disjoint).
        for (const w of winners) for (const seat of w.seats) expect(held.get(seat)).toBe(w.holder);
        // A refused request was refused for seats a winner really has, and holds nothing.
        requests.forEach((r, i) => {
          const result = results[i];
          if (result.ok) return;
          expect(result.taken.length).toBeGreaterThan(0);
          for (const seat of result.taken) {
            expect(r.seats).toContain(seat);
            expect(winnerOf.has(held.get(seat)!)).toBe(true);
          }
          expect([...held.values()]).not.toContain(r.holder);
        });
      }
    });

    it("holds several seats and reports who holds what in holders()", async () => {
      const show = newShow();
      const [a, b] = [newHolder(), newHolder()];
      const ok = await backend.store.hold(show, ["A1", "A2"], a, LONG);
      expect(ok).toEqual({ ok: true, expiresAt: expect.any(Number) });
      expect(await backend.store.hold(show, ["B1"], b, LONG)).toMatchObject({ ok: true });
      const other = connect();
      expect(await other.holders(show, ["A1", "A2", "A3", "B1", "Z9"])).toEqual(
        new Map([
          ["A1", a],
          ["A2", a],
          ["B1", b],
        ]),
      );
      expect(await other.holders(newShow(), ["A1"])).toEqual(new Map());
      expect(await other.holders(show, [])).toEqual(new Map());
    });

    it("refuses an overlapping hold whole, names the taken seats, and changes nothing", async () => {
      const show = newShow();
      const [a, b] = [newHolder(), newHolder()];
      await backend.store.hold(show, ["A1"], a, SHORT);
      await backend.store.hold(show, ["A3"], b, LONG);
      const refused = await backend.store.hold(show, ["A1", "A2", "A3"], a, LONG);
      expect(refused).toEqual({ ok: false, taken: ["A3"] });
      // Not A2 newly taken, and A1 kept its short window instead of the refused long one.
      expect(await backend.store.holders(show, ["A2"])).toEqual(new Map());
      await sleep(SHORT * 2);
      expect(await backend.store.holders(show, ["A1", "A2", "A3"])).toEqual(new Map([["A3", b]]));
    });

    it("lets a retried hold by the same holder succeed and refresh the window", async () => {
      const show = newShow();
      const a = newHolder();
      const first = await backend.store.hold(show, ["A1", "A2"], a, SHORT);
      const again = await connect().hold(show, ["A1", "A2"], a, SHORT);
      expect(first.ok && again.ok).toBe(true);
      // Growing the selection re-holds the seats already held, with the new window.
      expect(await backend.store.hold(show, ["A1", "A2", "A3"], a, LONG)).toMatchObject({ ok: true });
      await sleep(SHORT * 2);
      expect([...(await backend.store.holders(show, ["A1", "A2", "A3"])).keys()]).toEqual(["A1", "A2", "A3"]);
    });

    it("frees seats when the TTL runs out", async () => {
      const show = newShow();
      const [a, b] = [newHolder(), newHolder()];
      expect((await backend.store.hold(show, ["A1", "A2"], a, SHORT)).ok).toBe(true);
      await sleep(SHORT * 2);
      expect(await backend.store.holders(show, ["A1", "A2"])).toEqual(new Map());
      expect(await backend.store.expiry(show, ["A1", "A2"], a)).toBeNull();
      expect(await backend.store.hold(show, ["A1"], b, LONG)).toMatchObject({ ok: true });
    });

    it("releases only the caller's own locks and says which", async () => {
      const show = newShow();
      const [a, b] = [newHolder(), newHolder()];
      await backend.store.hold(show, ["A1", "A2"], a, LONG);
      await backend.store.hold(show, ["B1"], b, LONG);
      expect(await backend.store.release(show, ["A1", "B1", "C1", "A1"], a)).toEqual(["A1"]);
      expect(await backend.store.holders(show, ["A1", "A2", "B1"])).toEqual(
        new Map([
          ["A2", a],
          ["B1", b],
        ]),
      );
      expect(await backend.store.release(show, ["A1"], a)).toEqual([]);
      expect(await backend.store.release(show, [], a)).toEqual([]);
    });

    it("never lets a late release free a lock someone else has taken since", async () => {
      const show = newShow();
      const [a, b] = [newHolder(), newHolder()];
      expect((await backend.store.hold(show, ["A1"], a, SHORT)).ok).toBe(true);
      await sleep(SHORT * 2);
      expect((await connect().hold(show, ["A1"], b, LONG)).ok).toBe(true);
      expect(await backend.store.release(show, ["A1"], a)).toEqual([]);
      expect(await backend.store.extend(show, ["A1"], a, LONG)).toBe(false);
      expect(await backend.store.holders(show, ["A1"])).toEqual(new Map([["A1", b]]));
    });

    it("extends only for the owner of every seat, and then all of them", async () => {
      const show = newShow();
      const [a, b] = [newHolder(), newHolder()];
      await backend.store.hold(show, ["A1", "A2"], a, SHORT);
      expect(await backend.store.extend(show, ["A1"], b, LONG)).toBe(false);
      // A3 is free, so a does not own all three: nothing is extended.
      expect(await backend.store.extend(show, ["A1", "A2", "A3"], a, LONG)).toBe(false);
      await sleep(SHORT * 2);
      expect(await backend.store.holders(show, ["A1", "A2", "A3"])).toEqual(new Map());

      // Long enough that a slow machine still extends before the hold runs out.
      const window = 400;
      await backend.store.hold(show, ["A1", "A2"], a, window);
      expect(await backend.store.extend(show, ["A1", "A2"], a, LONG)).toBe(true);
      await sleep(window + 200);
      expect(await backend.store.holders(show, ["A1", "A2"])).toEqual(
        new Map([
          ["A1", a],
          ["A2", a],
        ]),
      );
    });

    it("tells the holder when its first lock runs out", async () => {
      const show = newShow();
      const [a, b] = [newHolder(), newHolder()];
      const before = Date.now();
      const held = await backend.store.hold(show, ["A1", "A2"], a, LONG);
      if (!held.ok) throw new Error("hold refused");
      expect(held.expiresAt).toBeGreaterThanOrEqual(before + LONG);
      expect(held.expiresAt).toBeLessThanOrEqual(Date.now() + LONG);
      await backend.store.extend(show, ["A2"], a, LONG * 2);
      const expiry = await backend.store.expiry(show, ["A1", "A2", "B1"], a);
      expect(expiry).not.toBeNull();
      expect(Math.abs(expiry! - held.expiresAt)).toBeLessThan(2_000);
      expect(await backend.store.expiry(show, ["A1", "A2"], b)).toBeNull();
    });

    it("answers heldBy with the holder's own seats of that show, and only those", async () => {
      const [show, other] = [newShow(), newShow()];
      const [a, b, c] = [newHolder(), newHolder(), newHolder()];
      await backend.store.hold(show, ["A1", "A2"], a, LONG);
      await backend.store.hold(show, ["B1"], b, LONG);
      await backend.store.hold(other, ["A3"], a, LONG);
      // Another client sees the same: the index is in the store, not in the client.
      expect((await connect().heldBy(show, a)).sort()).toEqual(["A1", "A2"]);
      expect(await backend.store.heldBy(show, b)).toEqual(["B1"]);
      expect(await backend.store.heldBy(other, a)).toEqual(["A3"]);
      expect(await backend.store.heldBy(show, c)).toEqual([]);
      // A refused hold adds nothing.
      expect((await backend.store.hold(show, ["B1", "C1"], a, LONG)).ok).toBe(false);
      expect((await backend.store.heldBy(show, a)).sort()).toEqual(["A1", "A2"]);
    });

    it("drops released and expired seats from heldBy, also when someone else has taken them since", async () => {
      const show = newShow();
      const [a, b] = [newHolder(), newHolder()];
      await backend.store.hold(show, ["A1"], a, SHORT);
      await backend.store.hold(show, ["A2", "A3"], a, LONG);
      await backend.store.release(show, ["A3"], a);
      expect((await backend.store.heldBy(show, a)).sort()).toEqual(["A1", "A2"]);
      await sleep(SHORT * 2);
      expect(await backend.store.heldBy(show, a)).toEqual(["A2"]);
      expect((await backend.store.hold(show, ["A1"], b, LONG)).ok).toBe(true);
      expect(await backend.store.heldBy(show, a)).toEqual(["A2"]);
      expect(await backend.store.heldBy(show, b)).toEqual(["A1"]);
    });

    it("keeps an extended seat in heldBy past the hold's first window", async () => {
      const show = newShow();
      const a = newHolder();
      // Long enough that a slow machine still extends before the hold runs out.
      const window = 400;
      await backend.store.hold(show, ["A1"], a, window);
      expect(await backend.store.extend(show, ["A1"], a, LONG)).toBe(true);
      await sleep(window + 200);
      expect(await backend.store.heldBy(show, a)).toEqual(["A1"]);
    });

    it("keeps holder ids as opaque strings", async () => {
      const show = newShow();
      // Values a JSON-parsing client would turn into numbers, booleans or objects.
      const odd = ["42", "true", '{"a":1}', "null", "ünïcødé 🎟"];
      for (const [i, h] of odd.entries()) expect((await backend.store.hold(show, [`S${i}`], h, LONG)).ok).toBe(true);
      const held = await backend.store.holders(show, odd.map((_, i) => `S${i}`));
      expect([...held.values()]).toEqual(odd);
      expect(await backend.store.release(show, ["S0"], "42")).toEqual(["S0"]);
    });

    it("counts a repeated seat id once", async () => {
      const show = newShow();
      const [a, b] = [newHolder(), newHolder()];
      await backend.store.hold(show, ["A1"], b, LONG);
      expect(await backend.store.hold(show, ["A1", "A1", "A2"], a, LONG)).toEqual({ ok: false, taken: ["A1"] });
      expect(await backend.store.hold(show, ["A2", "A2"], a, LONG)).toMatchObject({ ok: true });
      expect(await backend.store.release(show, ["A2", "A2"], a)).toEqual(["A2"]);
    });

    it("rejects a TTL Redis would refuse", async () => {
      await expect(backend.store.hold(newShow(), ["A1"], newHolder(), 0)).rejects.toThrow(RangeError);
      await expect(backend.store.extend(newShow(), ["A1"], newHolder(), 1.5)).rejects.toThrow(RangeError);
    });

    describe("show facts and the one-call hold", () => showFactsContract(backend));
  });
}

onEveryBackend(seatLockContract, {
  memory: () => {
    const locks = new Map();
    return { connect: () => createMemorySeatLocks(locks) };
  },
  redis: (url) => scriptedSeatLocks(connectRedis(url)),
  // The contract is about atomicity under 1,000 requests at once through one local REST fake, not
  // latency: the production deadline per request (lib/redis/timeouts.ts) is redis-outage's test.
  upstash: (options) => scriptedSeatLocks(connectUpstash({ ...options, timeoutMs: 10_000 })),
}, () => {
  /** A Redis-backed store and a plain client to look behind it, both closed afterwards. */
  async function withRedisStore(test: (store: SeatLockStore, admin: Redis) => Promise<void>) {
    const admin = new Redis(REDIS_URL!);
    const store = scriptedSeatLocks(connectRedis(REDIS_URL!));
    try {
      await test(store, admin);
    } finally {
      await store.close();
      await admin.quit();
    }
  }

  it("lets a holder's index expire with its last lock, so nothing is left behind", () =>
    withRedisStore(async (store, admin) => {
      const show = newShow();
      const a = newHolder();
      await store.hold(show, ["A1"], a, SHORT);
      await store.hold(show, ["A2"], a, SHORT * 2);
      const index = `seat_holds:${show}:${a}`;
      expect((await admin.smembers(index)).sort()).toEqual([`seat_lock:${show}:A1`, `seat_lock:${show}:A2`]);
      const ttl = await admin.pttl(index);
      expect(ttl).toBeGreaterThan(SHORT);
      expect(ttl).toBeLessThanOrEqual(SHORT * 2);
      await sleep(SHORT * 3);
      expect(await admin.exists(index)).toBe(0);
    }));

  it("adds a lock taken before the index existed to it when checkout extends it", () =>
    withRedisStore(async (store, admin) => {
      const show = newShow();
      const a = newHolder();
      // As the previous release's hold script left it: the lock, and no index.
      await admin.set(`seat_lock:${show}:A1`, a, "PX", LONG);
      expect(await store.heldBy(show, a)).toEqual([]);
      expect(await store.extend(show, ["A1"], a, LONG)).toBe(true);
      expect(await store.heldBy(show, a)).toEqual(["A1"]);
    }));

  it("claims on exactly seat_lock:<show>:<seat>, with the facts in show_facts:<show> and show_sold:<show>", () =>
    withRedisStore(async (store, admin) => {
      const show = newShow();
      const a = newHolder();
      await store.putShowFacts(show, factsOf({ sold: ["A3"] }), LONG);
      expect(await admin.hget(`show_facts:${show}`, "s:A1")).toBe("1\tstandard\tA1\t0");
      expect(await admin.smembers(`show_sold:${show}`)).toEqual(["A3"]);
      expect((await store.claim({ showId: show, seatIds: ["A1"], holder: a, ttlMs: LONG, maxSeats: 10, limits: [], admitted: false, now: Date.now() })).ok).toBe(true);
      expect(await admin.get(`seat_lock:${show}:A1`)).toBe(a);
      expect(await admin.smembers(`seat_holds:${show}:${a}`)).toEqual([`seat_lock:${show}:A1`]);
    }));

  it("gives a claim's new rate-limit counters their window, keeps an old counter's, and the index the hold's", () =>
    withRedisStore(async (store, admin) => {
      const show = newShow();
      const a = newHolder();
      await store.putShowFacts(show, factsOf({}), LONG);
      const fresh = { key: `rl:contract:${randomUUID()}`, windowMs: LONG, limit: 10, cost: 2 };
      const old = { key: `rl:contract:${randomUUID()}`, windowMs: LONG, limit: 10, cost: 1 };
      await admin.set(old.key, "3", "PX", SHORT * 20);
      const claimed = await store.claim({ showId: show, seatIds: ["A1"], holder: a, ttlMs: SHORT * 10, maxSeats: 10, limits: [fresh, old], admitted: false, now: Date.now() });
      expect(claimed.ok).toBe(true);
      expect(await admin.get(fresh.key)).toBe("2");
      expect(await admin.pttl(fresh.key)).toBeGreaterThan(LONG - 5_000);
      expect(await admin.get(old.key)).toBe("4");
      // The old window runs on: a busy customer's count is not stretched by every hold.
      expect(await admin.pttl(old.key)).toBeLessThanOrEqual(SHORT * 20);
      const index = await admin.pttl(`seat_holds:${show}:${a}`);
      expect(index).toBeGreaterThan(SHORT * 5);
      expect(index).toBeLessThanOrEqual(SHORT * 10);
    }));

  it("reloads its scripts when Redis has forgotten them", () =>
    withRedisStore(async (store, admin) => {
      const show = newShow();
      await admin.script("FLUSH");
      expect(await store.hold(show, ["A1"], "a", LONG)).toMatchObject({ ok: true });
      await admin.script("FLUSH");
      expect(await store.release(show, ["A1"], "a")).toEqual(["A1"]);
    }));

  describe("upstash fake wire format", () => {
    const token = randomUUID();
    let fake: UpstashFake;
    beforeAll(async () => {
      fake = await startUpstashFake({ redisUrl: REDIS_URL!, token });
    });
    afterAll(() => fake?.close());

    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(fake.url + path, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });

    it("refuses a wrong token, as the SDK sees it", async () => {
      const response = await post("/", ["PING"], { authorization: "Bearer nope" });
      expect(response.status).toBe(401);
      const wrong = scriptedSeatLocks(connectUpstash({ url: fake.url, token: "nope" }));
      await expect(wrong.ping()).rejects.toThrow(/Unauthorized/);
    });

    it("answers commands and pipelines, base64-encoding strings when asked", async () => {
      const key = `wire:${randomUUID()}`;
      expect(await (await post("/", ["SET", key, "hello", "PX", 10_000])).json()).toEqual({ result: "OK" });
      expect(await (await post("/", ["GET", key])).json()).toEqual({ result: "hello" });
      const b64 = { "Upstash-Encoding": "base64" };
      expect(await (await post("/", ["GET", key], b64)).json()).toEqual({ result: "aGVsbG8=" });
      const pipelined = await post("/pipeline", [["MGET", key, "missing"], ["INCR", key], ["PTTL", key]], b64);
      expect(pipelined.status).toBe(200);
      const [mget, incr, pttl] = (await pipelined.json()) as { result?: unknown; error?: string }[];
      expect(mget).toEqual({ result: ["aGVsbG8=", null] });
      expect(incr.error).toMatch(/not an integer/);
      expect(pttl.result).toBeGreaterThan(0);
      const bad = await post("/", ["NOSUCHCOMMAND"]);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/unknown command/i);
    });
  });
});

import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryRateLimits } from "@/lib/rate-limit/memory";
import { createRedisRateLimits } from "@/lib/rate-limit/redis";
import { createUpstashRateLimits } from "@/lib/rate-limit/upstash";
import type { RateLimitBackend, RateLimitStore } from "@/lib/rate-limit/types";
import { startUpstashFake } from "@/tests/support/upstash-fake";

// One set of rules for every store: memory always; Redis (TCP) and Upstash (the REST fake in
// front of the same real Redis) when REDIS_URL is set, as in CI. Several clients on one store
// stand for several server instances counting against one window.

const REDIS_URL = process.env.REDIS_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const newKey = () => `contract:${randomUUID()}`;

type Backend = { connect(): RateLimitStore; teardown?(): Promise<void> };

function rateLimitContract(kind: RateLimitBackend, setup: () => Promise<Backend>) {
  describe(`rate limits on ${kind}`, () => {
    let backend: Backend;
    const opened: RateLimitStore[] = [];
    const connect = () => {
      const store = backend.connect();
      opened.push(store);
      return store;
    };
    let store: RateLimitStore;

    beforeAll(async () => {
      backend = await setup();
      store = connect();
    });
    afterAll(async () => {
      await Promise.all(opened.map((s) => s.close()));
      await backend?.teardown?.();
    });

    it("allows N, refuses N+1 with a retry time inside the window", async () => {
      const key = newKey();
      const options = { limit: 5, windowMs: 60_000 };
      for (let i = 1; i <= 5; i++) expect(await store.limit(key, options)).toEqual({ ok: true, limit: 5, remaining: 5 - i, retryAfterSeconds: 0 });
      const refused = await store.limit(key, options);
      expect(refused).toMatchObject({ ok: false, remaining: 0 });
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(store.kind).toBe(kind);
    });

    it("opens a fresh window once the old one ends", async () => {
      const key = newKey();
      const options = { limit: 2, windowMs: 400 };
      await store.limit(key, options);
      await store.limit(key, options);
      expect((await store.limit(key, options)).ok).toBe(false);
      await sleep(450);
      expect(await store.limit(key, options)).toMatchObject({ ok: true, remaining: 1 });
    });

    it("counts exactly the limit among 300 concurrent calls from several instances", async () => {
      const key = newKey();
      const clients = [store, connect(), connect()];
      const results = await Promise.all(Array.from({ length: 300 }, (_, i) => clients[i % clients.length].limit(key, { limit: 50, windowMs: 60_000 })));
      expect(results.filter((r) => r.ok)).toHaveLength(50);
      expect(results.filter((r) => !r.ok).every((r) => r.retryAfterSeconds > 0)).toBe(true);
    });

    it("weighs calls by cost; a refused call uses nothing", async () => {
      const key = newKey();
      const options = { limit: 10, windowMs: 60_000 };
      expect(await store.limit(key, { ...options, cost: 8 })).toMatchObject({ ok: true, remaining: 2 });
      expect(await store.limit(key, { ...options, cost: 3 })).toMatchObject({ ok: false, remaining: 2 });
      expect(await store.limit(key, { ...options, cost: 2 })).toMatchObject({ ok: true, remaining: 0 });
    });

    it("keeps keys apart", async () => {
      const [a, b] = [newKey(), newKey()];
      await store.limit(a, { limit: 1, windowMs: 60_000 });
      expect((await store.limit(a, { limit: 1, windowMs: 60_000 })).ok).toBe(false);
      expect((await store.limit(b, { limit: 1, windowMs: 60_000 })).ok).toBe(true);
    });
  });
}

rateLimitContract("memory", async () => {
  const shared = createMemoryRateLimits();
  // One process's memory is one store; "another instance" here is the same map.
  return { connect: () => ({ ...shared, close: async () => {} }) };
});

describe.skipIf(!REDIS_URL)("with REDIS_URL", () => {
  rateLimitContract("redis", async () => ({ connect: () => createRedisRateLimits(REDIS_URL!) }));

  rateLimitContract("upstash", async () => {
    const token = randomUUID();
    const fake = await startUpstashFake({ redisUrl: REDIS_URL!, token });
    return { connect: () => createUpstashRateLimits({ url: fake.url, token }), teardown: () => fake.close() };
  });

  it("reloads its script when Redis has forgotten it, and every window expires", async () => {
    const admin = new Redis(REDIS_URL!);
    const store = createRedisRateLimits(REDIS_URL!);
    try {
      const key = newKey();
      await admin.script("FLUSH");
      expect((await store.limit(key, { limit: 3, windowMs: 60_000 })).ok).toBe(true);
      const ttl = await admin.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      await store.close();
      await admin.quit();
    }
  });
});

import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { describe, expect, it } from "vitest";
import { onEveryBackend, useContractBackend, type ContractBackend } from "@/tests/support/store-contract";
import { createMemoryRateLimits } from "@/lib/rate-limit/memory";
import { scriptedRateLimits } from "@/lib/rate-limit/script";
import { connectRedis } from "@/lib/redis/ioredis";
import { connectUpstash } from "@/lib/redis/upstash";
import type { RateLimitBackend, RateLimitStore } from "@/lib/rate-limit/types";

// One set of rules for every store: memory always; Redis (TCP) and Upstash (the REST fake in
// front of the same real Redis) when REDIS_URL is set, as in CI. Several clients on one store
// stand for several server instances counting against one window.

const REDIS_URL = process.env.REDIS_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const newKey = () => `contract:${randomUUID()}`;

function rateLimitContract(kind: RateLimitBackend, setup: () => Promise<ContractBackend<RateLimitStore>>) {
  describe(`rate limits on ${kind}`, () => {
    const backend = useContractBackend(setup);
    const { connect } = backend;

    it("allows N, refuses N+1 with a retry time inside the window", async () => {
      const key = newKey();
      const options = { limit: 5, windowMs: 60_000 };
      for (let i = 1; i <= 5; i++) expect(await backend.store.limit(key, options)).toEqual({ ok: true, limit: 5, remaining: 5 - i, retryAfterSeconds: 0 });
      const refused = await backend.store.limit(key, options);
      expect(refused).toMatchObject({ ok: false, remaining: 0 });
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(backend.store.kind).toBe(kind);
    });

    it("opens a fresh window once the old one ends", async () => {
      const key = newKey();
      const options = { limit: 2, windowMs: 400 };
      await backend.store.limit(key, options);
      await backend.store.limit(key, options);
      expect((await backend.store.limit(key, options)).ok).toBe(false);
      await sleep(450);
      expect(await backend.store.limit(key, options)).toMatchObject({ ok: true, remaining: 1 });
    });

    it("counts exactly the limit among 300 concurrent calls from several instances", async () => {
      const key = newKey();
      const clients = [backend.store, connect(), connect()];
      const results = await Promise.all(Array.from({ length: 300 }, (_, i) => clients[i % clients.length].limit(key, { limit: 50, windowMs: 60_000 })));
      expect(results.filter((r) => r.ok)).toHaveLength(50);
      expect(results.filter((r) => !r.ok).every((r) => r.retryAfterSeconds > 0)).toBe(true);
    });

    it("weighs calls by cost; a refused call uses nothing", async () => {
      const key = newKey();
      const options = { limit: 10, windowMs: 60_000 };
      expect(await backend.store.limit(key, { ...options, cost: 8 })).toMatchObject({ ok: true, remaining: 2 });
      expect(await backend.store.limit(key, { ...options, cost: 3 })).toMatchObject({ ok: false, remaining: 2 });
      expect(await backend.store.limit(key, { ...options, cost: 2 })).toMatchObject({ ok: true, remaining: 0 });
    });

    it("keeps keys apart", async () => {
      const [a, b] = [newKey(), newKey()];
      await backend.store.limit(a, { limit: 1, windowMs: 60_000 });
      expect((await backend.store.limit(a, { limit: 1, windowMs: 60_000 })).ok).toBe(false);
      expect((await backend.store.limit(b, { limit: 1, windowMs: 60_000 })).ok).toBe(true);
    });
  });
}

onEveryBackend(rateLimitContract, {
  // One process's memory is one store; "another instance" here is the same map.
  memory: () => {
    const shared = createMemoryRateLimits();
    return { connect: () => ({ ...shared, close: async () => {} }) };
  },
  redis: (url) => scriptedRateLimits(connectRedis(url)),
  upstash: (options) => scriptedRateLimits(connectUpstash(options)),
}, () => {
  it("reloads its script when Redis has forgotten it, and every window expires", async () => {
    const admin = new Redis(REDIS_URL!);
    const store = scriptedRateLimits(connectRedis(REDIS_URL!));
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

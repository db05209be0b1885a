import "server-only";
import { randomUUID } from "node:crypto";
import { backends, env } from "@/lib/env";
import { log } from "@/lib/log";
import { createMemoryRateLimits } from "./memory";
import { createRedisRateLimits } from "./redis";
import { createUpstashRateLimits } from "./upstash";
import { checkOptions, type LimitOptions, type LimitResult, type RateLimitStore } from "./types";

export type { LimitOptions, LimitResult, RateLimitBackend, RateLimitStore } from "./types";

// The same store as the seat locks (Upstash, Redis or this process's memory), so every instance
// counts against one window. On globalThis so all of Next's copies of this module share it.
type Slot = { store: RateLimitStore; prefix: string };
const SLOT = Symbol.for("marquee.rate-limit.store");
const shared = globalThis as typeof globalThis & { [SLOT]?: Slot };

function createFromEnv(): Slot {
  const e = env();
  // Test runs share one Redis (and run again within a window): each process counts on its own.
  const prefix = e.NODE_ENV === "test" ? `rl:test-${randomUUID()}:` : "rl:";
  switch (backends(e).seatLocks) {
    case "upstash":
      return { prefix, store: createUpstashRateLimits({ url: e.UPSTASH_REDIS_REST_URL!, token: e.UPSTASH_REDIS_REST_TOKEN! }) };
    case "redis":
      return { prefix, store: createRedisRateLimits(e.REDIS_URL!) };
    case "memory":
      return { prefix, store: createMemoryRateLimits() };
  }
}

function slot(): Slot {
  return (shared[SLOT] ??= createFromEnv());
}

/**
 * Counts one call (or `cost` units) against `key` in a fixed window of `windowMs`.
 * When the store cannot be reached the call is allowed and the failure logged: a limiter outage
 * must not stop people booking (the seat locks on the same store report it to them anyway).
 */
export async function limit(key: string, options: LimitOptions): Promise<LimitResult> {
  checkOptions(options);
  const { store, prefix } = slot();
  try {
    return await store.limit(prefix + key, options);
  } catch (err) {
    log.warn({ err, key }, "rate limit store unavailable; allowing the request");
    return { ok: true, limit: options.limit, remaining: options.limit, retryAfterSeconds: 0 };
  }
}

export function rateLimitBackend(): RateLimitStore["kind"] {
  return slot().store.kind;
}

/** Replaces the store (undefined: read the environment again on next use). */
export function setRateLimitsForTests(store: RateLimitStore | undefined, prefix = `rl:test-${randomUUID()}:`): void {
  shared[SLOT] = store ? { store, prefix } : undefined;
}

import "server-only";
import { randomUUID } from "node:crypto";
import { env, redisBackend } from "@/lib/env";
import { log } from "@/lib/log";
import { sharedRedis } from "@/lib/redis/shared";
import { createMemoryRateLimits } from "./memory";
import { scriptedRateLimits } from "./script";
import { checkOptions, type LimitOptions, type LimitResult, type RateLimitStore } from "./types";

export type { LimitOptions, LimitResult, RateLimitBackend, RateLimitStore } from "./types";

// Counted in Redis when one is configured (on the process's one shared connection, so every
// instance counts against one window), else in this process's memory. On globalThis so all of
// Next's copies of this module share it.
type Slot = { store: RateLimitStore; prefix: string };
const SLOT = Symbol.for("marquee.rate-limit.store");
const shared = globalThis as typeof globalThis & { [SLOT]?: Slot };

function createFromEnv(): Slot {
  const e = env();
  // Test runs share one Redis (and run again within a window): each process counts on its own.
  const prefix = e.NODE_ENV === "test" ? `rl:test-${randomUUID()}:` : "rl:";
  return { prefix, store: redisBackend(e) === "memory" ? createMemoryRateLimits() : scriptedRateLimits(sharedRedis()) };
}

function slot(): Slot {
  return (shared[SLOT] ??= createFromEnv());
}

/**
 * Counts one call (or `cost` units) against `key` in a fixed window of `windowMs`.
 * When the store cannot be reached the call is allowed and the failure logged: a limiter outage
 * must not stop people signing in, and a hold is refused by the seat locks on the same Redis.
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

/** The stored key of a limit: what limit(key) counts under, for a caller that counts it itself (a hold's one script). */
export function storedLimitKey(key: string): string {
  return slot().prefix + key;
}

export function rateLimitBackend(): RateLimitStore["kind"] {
  return slot().store.kind;
}

/** Replaces the store (undefined: read the environment again on next use). */
export function setRateLimitsForTests(store: RateLimitStore | undefined, prefix = `rl:test-${randomUUID()}:`): void {
  shared[SLOT] = store ? { store, prefix } : undefined;
}

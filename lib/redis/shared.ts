import "server-only";
import { env, redisBackend } from "@/lib/env";
import { connectRedis } from "./ioredis";
import { connectUpstash } from "./upstash";
import type { RedisConnection } from "./types";
import { reportingOutages } from "./unavailable";

// The process's one Redis connection, shared by the seat locks and the rate limiter. On
// globalThis so every copy of this module Next.js loads (route handlers, actions,
// instrumentation are bundled apart) shares it. Built on first use, never at import.
const SLOT = Symbol.for("marquee.redis.connection");
const slot = globalThis as typeof globalThis & { [SLOT]?: RedisConnection };

/**
 * The shared connection to the Redis the settings name (Upstash wins over REDIS_URL). A call that
 * cannot reach Redis in time fails with RedisUnavailableError (503, "seat selection is paused").
 */
export function sharedRedis(): RedisConnection {
  const existing = slot[SLOT];
  if (existing) return existing;
  const e = env();
  const kind = redisBackend(e);
  if (kind === "memory") throw new Error("no Redis is configured (REDIS_URL or UPSTASH_REDIS_REST_URL)");
  const opened = reportingOutages(kind === "upstash" ? connectUpstash({ url: e.UPSTASH_REDIS_REST_URL!, token: e.UPSTASH_REDIS_REST_TOKEN! }) : connectRedis(e.REDIS_URL!));
  // Closing it empties the slot, so the next use opens a fresh one (tests change the settings).
  const connection: RedisConnection = {
    ...opened,
    async close() {
      if (slot[SLOT] === connection) slot[SLOT] = undefined;
      await opened.close();
    },
  };
  return (slot[SLOT] = connection);
}

/** Closes the shared connection if one is open. */
export async function closeSharedRedis(): Promise<void> {
  await slot[SLOT]?.close();
}

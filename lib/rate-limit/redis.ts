import "server-only";
import { createHash } from "node:crypto";
import Redis from "ioredis";
import { log } from "@/lib/log";
import { LIMIT_SCRIPT, scriptedRateLimits } from "./script";
import type { RateLimitStore } from "./types";

const SHA = createHash("sha1").update(LIMIT_SCRIPT).digest("hex");

/** Rate limits on the Redis server the seat locks use (REDIS_URL); its own connection, opened on first use. */
export function createRedisRateLimits(url: string): RateLimitStore {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  redis.on("error", (err) => log.warn({ err }, "rate limit redis connection error"));
  return scriptedRateLimits({
    kind: "redis",
    async run(key, args) {
      try {
        return await redis.evalsha(SHA, 1, key, ...args);
      } catch (err) {
        // The script cache is empty after a restart or SCRIPT FLUSH; EVAL loads it again.
        if (!(err instanceof Error) || !err.message.startsWith("NOSCRIPT")) throw err;
        return redis.eval(LIMIT_SCRIPT, 1, key, ...args);
      }
    },
    async close() {
      if (redis.status === "wait" || redis.status === "end") {
        redis.disconnect();
        return;
      }
      await redis.quit().catch(() => redis.disconnect());
    },
  });
}

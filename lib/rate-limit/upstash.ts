import "server-only";
import { Redis } from "@upstash/redis";
import { LIMIT_SCRIPT, scriptedRateLimits } from "./script";
import type { RateLimitStore } from "./types";

/** Rate limits on Upstash over REST (UPSTASH_REDIS_REST_URL and _TOKEN), like the seat locks. */
export function createUpstashRateLimits(config: { url: string; token: string }): RateLimitStore {
  const redis = new Redis({ url: config.url, token: config.token, automaticDeserialization: false, enableTelemetry: false });
  return scriptedRateLimits({
    kind: "upstash",
    run: (key, args) => redis.eval(LIMIT_SCRIPT, [key], args),
    close: async () => {},
  });
}

import "server-only";
import { Redis } from "@upstash/redis";
import { scriptedSeatLocks } from "./scripted-store";
import type { SeatLockStore } from "./types";

/** Seat locks on Upstash Redis over its REST API (UPSTASH_REDIS_REST_URL and _TOKEN). */
export function createUpstashSeatLocks(config: { url: string; token: string }): SeatLockStore {
  const redis = new Redis({
    url: config.url,
    token: config.token,
    // By default the SDK JSON-parses every reply, which would turn a holder id such as "42"
    // into a number; holder ids are opaque strings.
    automaticDeserialization: false,
    enableTelemetry: false,
  });

  return scriptedSeatLocks({
    kind: "upstash",
    // The SDK retries a request whose connection failed; that is safe because every script
    // is idempotent for the same holder.
    run: (script, keys, args) => redis.eval(script, keys, args),
    mget: (keys) => redis.mget<(string | null)[]>(...keys),
    smembers: (key) => redis.smembers<string[]>(key),
    async ping() {
      await redis.ping();
    },
    // Plain HTTP requests: nothing stays open.
    close: async () => {},
  });
}

import "server-only";
import { createHash } from "node:crypto";
import Redis from "ioredis";
import { log } from "@/lib/log";
import { scriptedSeatLocks } from "./scripted-store";
import type { SeatLockStore } from "./types";

const sha1 = (script: string) => createHash("sha1").update(script).digest("hex");

/** Seat locks on a Redis server over TCP (REDIS_URL). Connects on first use. */
export function createRedisSeatLocks(url: string): SeatLockStore {
  const redis = new Redis(url, {
    lazyConnect: true,
    // A request waits through a short outage, then fails so the customer sees an error
    // instead of a spinner. Every script is safe to run twice: a repeated hold finds its own
    // holder in the keys and succeeds, a repeated release or extend is a no-op.
    maxRetriesPerRequest: 3,
  });
  // Without a listener ioredis prints every reconnect attempt; the failing request reports it.
  redis.on("error", (err) => log.warn({ err }, "seat lock redis connection error"));
  const shas = new Map<string, string>();

  return scriptedSeatLocks({
    kind: "redis",
    async run(script, keys, args) {
      let sha = shas.get(script);
      if (!sha) shas.set(script, (sha = sha1(script)));
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args);
      } catch (err) {
        // The script cache is empty after a restart or SCRIPT FLUSH; EVAL loads it again.
        if (!(err instanceof Error) || !err.message.startsWith("NOSCRIPT")) throw err;
        return redis.eval(script, keys.length, ...keys, ...args);
      }
    },
    mget: (keys) => redis.mget(keys),
    smembers: (key) => redis.smembers(key),
    async ping() {
      await redis.ping();
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

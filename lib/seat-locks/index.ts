import "server-only";
import { backends, env } from "@/lib/env";
import { createMemorySeatLocks } from "./memory";
import { createRedisSeatLocks } from "./redis";
import { createUpstashSeatLocks } from "./upstash";
import type { SeatLockStore } from "./types";

export { seatLockKey } from "./keys";
export type { HoldResult, SeatLockBackend, SeatLockStore } from "./types";

// On globalThis so every copy of this module Next.js loads shares one client (one Redis
// connection, one memory map) and a test's replacement reaches all of them.
const SLOT = Symbol.for("marquee.seat-locks.store");
const slot = globalThis as typeof globalThis & { [SLOT]?: SeatLockStore };

function createFromEnv(): SeatLockStore {
  const e = env();
  switch (backends(e).seatLocks) {
    case "upstash":
      return createUpstashSeatLocks({ url: e.UPSTASH_REDIS_REST_URL!, token: e.UPSTASH_REDIS_REST_TOKEN! });
    case "redis":
      return createRedisSeatLocks(e.REDIS_URL!);
    case "memory":
      return createMemorySeatLocks();
  }
}

/** The process's lock store, built on first use from the environment (never at import). */
export function getSeatLocks(): SeatLockStore {
  return (slot[SLOT] ??= createFromEnv());
}

/** Replaces the store; undefined makes the next getSeatLocks() read the environment again. */
export function setSeatLocksForTests(store: SeatLockStore | undefined): void {
  slot[SLOT] = store;
}

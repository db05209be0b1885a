import "server-only";
import { redisBackend } from "@/lib/env";
import { sharedRedis } from "@/lib/redis/shared";
import { outagesAsOwnErrors } from "@/lib/redis/unavailable";
import { createMemorySeatLocks } from "./memory";
import { scriptedSeatLocks } from "./scripted-store";
import type { SeatLockStore } from "./types";

export { seatLockKey } from "./keys";
export type { ClaimLimit, ClaimRequest, ClaimResult, HoldResult, SeatLockBackend, SeatLockStore, ShowFacts } from "./types";

// On globalThis so every copy of this module Next.js loads shares one store (on the process's
// one Redis connection, or one memory map) and a test's replacement reaches all of them.
const SLOT = Symbol.for("marquee.seat-locks.store");
const slot = globalThis as typeof globalThis & { [SLOT]?: SeatLockStore };

/**
 * The process's lock store, built on first use from the environment (never at import). On Redis,
 * a call that cannot reach it fails within a second with RedisUnavailableError (503, "seat
 * selection is paused"); closing the store closes the shared connection.
 */
export function getSeatLocks(): SeatLockStore {
  const store = (slot[SLOT] ??= redisBackend() === "memory" ? createMemorySeatLocks() : scriptedSeatLocks(sharedRedis()));
  if (store.kind === "memory") return store;
  if (ownView?.store !== store) ownView = { store, view: outagesAsOwnErrors(store) };
  return ownView.view;
}

// This module copy's view of the shared Redis store (see outagesAsOwnErrors); memory has no outages.
let ownView: { store: SeatLockStore; view: SeatLockStore } | undefined;

/** Replaces the store; undefined makes the next getSeatLocks() read the environment again. */
export function setSeatLocksForTests(store: SeatLockStore | undefined): void {
  slot[SLOT] = store;
}

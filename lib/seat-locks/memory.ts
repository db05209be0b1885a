import { checkHolder, checkTtl, seatIdOfLockKey, seatLockKey, uniqueSeatIds } from "./keys";
import { claimInMemory, storeFacts, type StoredFacts } from "./claim-memory";
import type { SeatLockStore } from "./types";

type Lock = { holder: string; expiresAt: number };

// Next.js may load this module more than once in one process (route handlers, server actions,
// instrumentation are bundled apart), and every copy must see the same holds.
const SHARED = Symbol.for("marquee.seat-locks.memory");
const SHARED_FACTS = Symbol.for("marquee.seat-locks.memory-facts");
const SWEEP_EVERY_MS = 1_000;

function sharedMemoryLocks(): Map<string, Lock> {
  const slot = globalThis as typeof globalThis & { [SHARED]?: Map<string, Lock> };
  return (slot[SHARED] ??= new Map());
}

type FactsState = { facts: Map<string, StoredFacts>; windows: Map<string, { used: number; endsAt: number }> };
// Keyed by the lock map, so stores made over one map (one "Redis") share their facts too.
function factsOf(locks: Map<string, Lock>): FactsState {
  const slot = globalThis as typeof globalThis & { [SHARED_FACTS]?: WeakMap<Map<string, Lock>, FactsState> };
  const all = (slot[SHARED_FACTS] ??= new WeakMap());
  let state = all.get(locks);
  if (!state) all.set(locks, (state = { facts: new Map(), windows: new Map() }));
  return state;
}

/**
 * Seat locks in this process only: the embedded default for one `next start`. Every method
 * runs without awaiting in between, so each is as atomic as the Redis scripts.
 * Expired locks are ignored on read and swept now and then on write, so no timer is needed.
 */
export function createMemorySeatLocks(locks: Map<string, Lock> = sharedMemoryLocks()): SeatLockStore {
  let sweptAt = 0;
  const shared = factsOf(locks);

  const live = (key: string, now: number): Lock | undefined => {
    const lock = locks.get(key);
    if (lock && lock.expiresAt <= now) {
      locks.delete(key);
      return undefined;
    }
    return lock;
  };

  const sweep = (now: number) => {
    if (now - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = now;
    for (const [key, lock] of locks) if (lock.expiresAt <= now) locks.delete(key);
  };

  // One process's holds: a walk over them is cheaper than keeping an index in step.
  const heldNow = (showId: string, holder: string) => {
    const now = Date.now();
    const mine: string[] = [];
    for (const [key, lock] of locks) {
      if (lock.holder !== holder || lock.expiresAt <= now) continue;
      const seatId = seatIdOfLockKey(showId, key);
      if (seatId !== null) mine.push(seatId);
    }
    return mine;
  };

  return {
    kind: "memory",

    async hold(showId, seatIds, holder, ttlMs) {
      checkHolder(holder);
      checkTtl(ttlMs);
      const ids = uniqueSeatIds(seatIds);
      const now = Date.now();
      sweep(now);
      const taken = ids.filter((id) => {
        const lock = live(seatLockKey(showId, id), now);
        return lock !== undefined && lock.holder !== holder;
      });
      if (taken.length) return { ok: false, taken };
      const expiresAt = now + ttlMs;
      for (const id of ids) locks.set(seatLockKey(showId, id), { holder, expiresAt });
      return { ok: true, expiresAt };
    },

    async release(showId, seatIds, holder) {
      checkHolder(holder);
      const now = Date.now();
      return uniqueSeatIds(seatIds).filter((id) => {
        const key = seatLockKey(showId, id);
        if (live(key, now)?.holder !== holder) return false;
        locks.delete(key);
        return true;
      });
    },

    async extend(showId, seatIds, holder, ttlMs) {
      checkHolder(holder);
      checkTtl(ttlMs);
      const now = Date.now();
      const keys = uniqueSeatIds(seatIds).map((id) => seatLockKey(showId, id));
      if (!keys.every((key) => live(key, now)?.holder === holder)) return false;
      for (const key of keys) locks.set(key, { holder, expiresAt: now + ttlMs });
      return true;
    },

    async heldBy(showId, holder) {
      checkHolder(holder);
      return heldNow(showId, holder);
    },

    async claim(request) {
      checkHolder(request.holder);
      checkTtl(request.ttlMs);
      sweep(Date.now());
      return claimInMemory({ locks, ...shared, heldBy: heldNow }, request);
    },

    async releaseAndList(showId, seatIds, holder) {
      checkHolder(holder);
      const now = Date.now();
      for (const id of uniqueSeatIds(seatIds)) {
        const key = seatLockKey(showId, id);
        if (live(key, now)?.holder === holder) locks.delete(key);
      }
      const position = shared.facts.get(showId)?.position;
      const mine = heldNow(showId, holder).sort((a, b) => (position?.get(a) ?? 0) - (position?.get(b) ?? 0));
      let expiresAt: number | null = null;
      for (const id of mine) {
        const at = locks.get(seatLockKey(showId, id))!.expiresAt;
        if (expiresAt === null || at < expiresAt) expiresAt = at;
      }
      return { mine, expiresAt };
    },

    async putShowFacts(showId, facts, ttlMs) {
      checkTtl(ttlMs);
      shared.facts.set(showId, storeFacts(structuredClone(facts), Date.now() + ttlMs));
    },

    async showFacts(showId) {
      const stored = shared.facts.get(showId);
      if (!stored || stored.expiresAt <= Date.now()) return null;
      // As the Redis stores read them back: seats in the layout's order, sold ids sorted.
      return { ...structuredClone(stored.facts), sold: [...stored.sold].sort() };
    },

    async markSold(showId, seatIds, sold) {
      const stored = shared.facts.get(showId);
      if (!stored) return;
      for (const id of uniqueSeatIds(seatIds)) {
        if (sold) stored.sold.add(id);
        else stored.sold.delete(id);
      }
    },

    async dropShowFacts(showId) {
      shared.facts.delete(showId);
    },

    async holders(showId, seatIds) {
      const now = Date.now();
      const found = new Map<string, string>();
      for (const id of uniqueSeatIds(seatIds)) {
        const lock = live(seatLockKey(showId, id), now);
        if (lock) found.set(id, lock.holder);
      }
      return found;
    },

    async expiry(showId, seatIds, holder) {
      checkHolder(holder);
      const now = Date.now();
      let soonest: number | null = null;
      for (const id of uniqueSeatIds(seatIds)) {
        const lock = live(seatLockKey(showId, id), now);
        if (lock?.holder === holder && (soonest === null || lock.expiresAt < soonest)) soonest = lock.expiresAt;
      }
      return soonest;
    },

    async ping() {},
    // The locks outlive a client: other module copies in this process still use them.
    async close() {},
  };
}

import { claimResultOf, factsFromFields, factsToFields } from "./facts-codec";
import { checkHolder, checkTtl, holderIndexKey, seatIdOfLockKey, seatLockKey, showFactsKey, soldSeatsKey, uniqueSeatIds } from "./keys";
import { CLAIM_SCRIPT, DROP_FACTS_SCRIPT, RELEASE_AND_LIST_SCRIPT, EXPIRY_SCRIPT, EXTEND_SCRIPT, HOLD_SCRIPT, MARK_SOLD_SCRIPT, PUT_FACTS_SCRIPT, READ_FACTS_SCRIPT, RELEASE_SCRIPT } from "./scripts";
import type { RedisConnection } from "@/lib/redis/types";
import type { SeatLockStore } from "./types";

function positions(reply: unknown): number[] {
  if (!Array.isArray(reply) || !reply.every((n) => typeof n === "number")) {
    throw new Error(`unexpected seat lock script reply: ${JSON.stringify(reply)}`);
  }
  return reply;
}

function integer(reply: unknown): number {
  if (typeof reply !== "number") throw new Error(`unexpected seat lock script reply: ${JSON.stringify(reply)}`);
  return reply;
}

/**
 * Seat locks on Redis, over TCP or Upstash's REST API alike. Closing the store closes its
 * connection. Every script is safe to run twice: a repeated hold finds its own holder in the
 * keys and succeeds, a repeated release or extend is a no-op.
 */
export function scriptedSeatLocks(runner: RedisConnection): SeatLockStore {
  const keysOf = (showId: string, ids: string[]) => ids.map((id) => seatLockKey(showId, id));
  // The scripts that change locks also keep the holder's index, passed as the last key.
  const indexedKeysOf = (showId: string, ids: string[], holder: string) => [...keysOf(showId, ids), holderIndexKey(showId, holder)];
  // Lua positions are 1-based.
  const pick = (ids: string[], at: number[]) => at.map((i) => ids[i - 1]);

  return {
    kind: runner.kind,

    async hold(showId, seatIds, holder, ttlMs) {
      checkHolder(holder);
      checkTtl(ttlMs);
      const ids = uniqueSeatIds(seatIds);
      // Read the clock before Redis sets the TTL, so the countdown never outlives the lock.
      const startedAt = Date.now();
      if (!ids.length) return { ok: true, expiresAt: startedAt + ttlMs };
      const taken = positions(await runner.run(HOLD_SCRIPT, indexedKeysOf(showId, ids, holder), [holder, String(ttlMs)]));
      return taken.length ? { ok: false, taken: pick(ids, taken) } : { ok: true, expiresAt: startedAt + ttlMs };
    },

    async release(showId, seatIds, holder) {
      checkHolder(holder);
      const ids = uniqueSeatIds(seatIds);
      if (!ids.length) return [];
      return pick(ids, positions(await runner.run(RELEASE_SCRIPT, indexedKeysOf(showId, ids, holder), [holder])));
    },

    async extend(showId, seatIds, holder, ttlMs) {
      checkHolder(holder);
      checkTtl(ttlMs);
      const ids = uniqueSeatIds(seatIds);
      if (!ids.length) return true;
      return integer(await runner.run(EXTEND_SCRIPT, indexedKeysOf(showId, ids, holder), [holder, String(ttlMs)])) === 1;
    },

    async heldBy(showId, holder) {
      checkHolder(holder);
      // Two reads, not a script: a script may only touch the keys it is given, and which keys
      // to read is what the first read tells. Each lock is checked, so a stale entry never counts.
      const keys = (await runner.smembers(holderIndexKey(showId, holder))).filter((key) => seatIdOfLockKey(showId, key) !== null);
      if (!keys.length) return [];
      const values = await runner.mget(keys);
      return keys.filter((_, i) => values[i] === holder).map((key) => seatIdOfLockKey(showId, key)!);
    },

    async holders(showId, seatIds) {
      const ids = uniqueSeatIds(seatIds);
      const found = new Map<string, string>();
      if (!ids.length) return found;
      const values = await runner.mget(keysOf(showId, ids));
      ids.forEach((id, i) => {
        const value = values[i];
        if (typeof value === "string") found.set(id, value);
      });
      return found;
    },

    async expiry(showId, seatIds, holder) {
      checkHolder(holder);
      const ids = uniqueSeatIds(seatIds);
      if (!ids.length) return null;
      const startedAt = Date.now();
      const ttl = integer(await runner.run(EXPIRY_SCRIPT, keysOf(showId, ids), [holder]));
      return ttl < 0 ? null : startedAt + ttl;
    },

    async claim(req) {
      checkHolder(req.holder);
      checkTtl(req.ttlMs);
      const ids = uniqueSeatIds(req.seatIds);
      const startedAt = Date.now();
      const keys = [showFactsKey(req.showId), soldSeatsKey(req.showId), holderIndexKey(req.showId, req.holder), ...req.limits.map((l) => l.key), ...keysOf(req.showId, ids)];
      const args = [req.holder, String(req.ttlMs), String(req.now), String(req.maxSeats), String(req.limits.length), req.admitted ? "1" : "0", seatLockKey(req.showId, "")];
      for (const l of req.limits) args.push(String(l.windowMs), String(l.cost), String(l.limit));
      return claimResultOf(await runner.run(CLAIM_SCRIPT, keys, [...args, ...ids]), startedAt + req.ttlMs);
    },

    async releaseAndList(showId, seatIds, holder) {
      checkHolder(holder);
      const ids = uniqueSeatIds(seatIds);
      const startedAt = Date.now();
      const reply = await runner.run(RELEASE_AND_LIST_SCRIPT, [...indexedKeysOf(showId, ids, holder), showFactsKey(showId)], [holder, seatLockKey(showId, "")]);
      if (!Array.isArray(reply) || typeof reply[0] !== "number") throw new Error(`unexpected seat lock script reply: ${JSON.stringify(reply)}`);
      const [ttl, ...mine] = reply as [number, ...unknown[]];
      return { mine: mine.map(String), expiresAt: ttl < 0 ? null : startedAt + ttl };
    },

    async putShowFacts(showId, facts, ttlMs) {
      checkTtl(ttlMs);
      const fields = factsToFields(facts);
      await runner.run(PUT_FACTS_SCRIPT, [showFactsKey(showId), soldSeatsKey(showId)], [String(ttlMs), String(fields.length / 2), ...fields, ...uniqueSeatIds(facts.sold)]);
    },

    async showFacts(showId) {
      const reply = await runner.run(READ_FACTS_SCRIPT, [showFactsKey(showId), soldSeatsKey(showId)], []);
      if (!Array.isArray(reply)) throw new Error(`unexpected show facts reply: ${JSON.stringify(reply)}`);
      const count = Number(reply[0]);
      if (!count) return null;
      const rest = reply.slice(1).map(String);
      return factsFromFields(rest.slice(0, count), rest.slice(count));
    },

    async markSold(showId, seatIds, sold) {
      const ids = uniqueSeatIds(seatIds);
      if (!ids.length) return;
      await runner.run(MARK_SOLD_SCRIPT, [showFactsKey(showId), soldSeatsKey(showId)], [sold ? "1" : "0", ...ids]);
    },

    async dropShowFacts(showId) {
      await runner.run(DROP_FACTS_SCRIPT, [showFactsKey(showId), soldSeatsKey(showId)], []);
    },

    ping: () => runner.ping(),
    close: () => runner.close(),
  };
}

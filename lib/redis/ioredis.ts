import "server-only";
import Redis from "ioredis";
import { log } from "@/lib/log";
import { REDIS_MAX_RECONNECT_DELAY_MS, REDIS_TIMEOUT_MS } from "./timeouts";
import type { LuaScript, RedisConnection } from "./types";

type ScriptCommand = (numberOfKeys: number, ...keysAndArgs: string[]) => Promise<unknown>;

/**
 * Redis over TCP (REDIS_URL). Nothing is sent at construction; the first call connects.
 * Fails fast instead of queueing: without the offline queue a call made while Redis is away is
 * refused at once, and a call in flight when the connection drops is failed rather than resent
 * later (a hold the customer was told had failed must not appear minutes afterwards).
 */
export function connectRedis(url: string): RedisConnection {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    connectTimeout: REDIS_TIMEOUT_MS,
    // No commandTimeout: `withDeadline` below times commands, without mistaking a busy process for a silent Redis.
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(100 * attempt, REDIS_MAX_RECONNECT_DELAY_MS),
  });
  // Without a listener ioredis prints every reconnect attempt. One line when the connection is
  // lost and one when it is back, not one per attempt (every second) while Redis is away.
  let lost = false;
  redis.on("error", (err) => {
    if (lost) return;
    lost = true;
    log.warn({ err }, "redis connection lost: seat selection is paused until it is back");
  });
  redis.on("ready", () => {
    if (!lost) return;
    lost = false;
    log.info("redis connection is back");
  });
  const connected = readiness(redis);
  async function send<T>(call: () => Promise<T>): Promise<T> {
    await connected();
    return withDeadline(call());
  }
  const defined = new Set<string>();

  // ioredis's own script command: EVALSHA, then EVAL when Redis answers NOSCRIPT.
  function command(script: LuaScript): ScriptCommand {
    if (!defined.has(script.name)) {
      redis.defineCommand(script.name, { lua: script.lua });
      defined.add(script.name);
    }
    return (redis as unknown as Record<string, ScriptCommand>)[script.name].bind(redis);
  }

  return {
    kind: "redis",
    run: (script, keys, args) => send(() => command(script)(keys.length, ...keys, ...args)),
    mget: (keys) => send(() => redis.mget(keys)),
    smembers: (key) => send(() => redis.smembers(key)),
    ping: () => send(async () => void (await redis.ping())),
    async close() {
      if (redis.status === "wait" || redis.status === "end") return redis.disconnect();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * Resolves once the client can send. The first call (and one made while a reconnect attempt is
 * under way) waits for the connection, at most the connect timeout; calls waiting together share
 * one wait. While Redis is down between attempts it fails at once, so a customer is not kept
 * waiting for a server that is not there.
 */
function readiness(redis: Redis): () => Promise<void> {
  let waiting: Promise<void> | null = null;
  const waitForReady = () =>
    new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        redis.off("ready", onReady);
        redis.off("close", onClose);
        waiting = null;
        if (err) reject(err);
        else resolve();
      };
      const onReady = () => done();
      const onClose = () => done(new Error("Redis connection failed"));
      const timer = setTimeout(() => done(new Error("Redis connection timed out")), REDIS_TIMEOUT_MS);
      redis.once("ready", onReady);
      redis.once("close", onClose);
    });
  return async () => {
    if (redis.status === "ready") return;
    if (redis.status === "wait") redis.connect().catch(() => {});
    if (redis.status !== "connecting" && redis.status !== "connect") throw new Error(`Redis is not connected (${redis.status})`);
    await (waiting ??= waitForReady());
  };
}

/**
 * The command's answer, or "Command timed out" after REDIS_TIMEOUT_MS. When the timer fires, the
 * verdict waits for one turn of the event loop (setImmediate runs after the loop has read the
 * sockets): in a process so busy that its timers fire late (an on-sale rush on 2 CPUs), a reply
 * that Redis sent in time but this process had not read yet is still taken, instead of being
 * reported as an outage. A Redis that really does not answer still fails at the deadline.
 */
function withDeadline<T>(pending: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => setImmediate(() => settle(() => reject(new Error("Command timed out")))), REDIS_TIMEOUT_MS);
    pending.then(
      (value) => settle(() => resolve(value)),
      (err) => settle(() => reject(err)),
    );
  });
}

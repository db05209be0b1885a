import { AppError } from "@/lib/errors";
import { REDIS_MAX_RECONNECT_DELAY_MS } from "./timeouts";
import type { RedisConnection } from "./types";

/** What a moviegoer reads when the seat lock store cannot be reached. */
export const SEAT_SELECTION_PAUSED = "Seat selection is paused for a moment — nothing was charged. Please try again in a few seconds.";

/** Redis could not be reached in time: a 503 for route handlers, a failure result for actions. */
export class RedisUnavailableError extends AppError {
  constructor(cause: unknown) {
    super("unavailable", SEAT_SELECTION_PAUSED);
    this.name = "RedisUnavailableError";
    this.cause = cause;
  }
}

// A reply error is Redis answering (a script bug, a wrong type): it is up, so that is no outage.
const isReplyError = (err: unknown) => err instanceof Error && err.name === "ReplyError";
// ioredis: "Command timed out", our "Redis connection timed out"; fetch: a TimeoutError abort.
const isTimeout = (err: unknown) => err instanceof Error && (err.name === "TimeoutError" || /timed out/i.test(err.message));

/**
 * The connection, with every failure to reach Redis turned into a RedisUnavailableError. A Redis
 * that accepts connections but does not answer (overloaded, frozen, a half-open network path)
 * costs each call the whole timeout: after one timeout, calls fail at once for a moment instead.
 */
export function reportingOutages(connection: RedisConnection): RedisConnection {
  let unansweredUntil = 0;
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (Date.now() < unansweredUntil) throw new RedisUnavailableError(new Error("Redis did not answer a moment ago"));
      try {
        return await call(...args);
      } catch (err) {
        if (isReplyError(err)) throw err;
        if (isTimeout(err)) unansweredUntil = Date.now() + REDIS_MAX_RECONNECT_DELAY_MS;
        throw new RedisUnavailableError(err);
      }
    };
  return {
    kind: connection.kind,
    run: guard(connection.run),
    mget: guard(connection.mget),
    smembers: guard(connection.smembers),
    ping: guard(connection.ping),
    close: connection.close,
  };
}

// Next.js loads this module more than once in one process (route handlers and pages are bundled
// apart), each copy with its own error classes, while the connection and the stores on it are
// shared on globalThis: an outage error made by one copy is no `instanceof` of another's
// AppError. The class name is what every copy agrees on.
const isOutage = (err: unknown): err is Error => err instanceof Error && err.name === "RedisUnavailableError";

/**
 * The object (a store on the shared connection), with each method's outage errors made again
 * from this copy's RedisUnavailableError, so this copy's error mapping knows them as a 503.
 */
export function outagesAsOwnErrors<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        try {
          return await value.apply(object, args);
        } catch (err) {
          throw isOutage(err) && !(err instanceof RedisUnavailableError) ? new RedisUnavailableError(err.cause) : err;
        }
      };
    },
  });
}

/** The promise's value, or null when it failed because Redis could not be reached. */
export async function unlessRedisIsDown<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (err) {
    if (isOutage(err)) return null;
    throw err;
  }
}

import { AppError } from "@/lib/errors";
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

/** The connection, with every failure to reach Redis turned into a RedisUnavailableError. */
export function reportingOutages(connection: RedisConnection): RedisConnection {
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (err) {
        throw isReplyError(err) ? err : new RedisUnavailableError(err);
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

/** The promise's value, or null when it failed because Redis could not be reached. */
export async function unlessRedisIsDown<T>(pending: Promise<T>): Promise<T | null> {
  try {
    return await pending;
  } catch (err) {
    if (err instanceof RedisUnavailableError) return null;
    throw err;
  }
}

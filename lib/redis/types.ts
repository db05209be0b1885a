/** A Lua script, registered once per client under its name (ioredis defineCommand, Upstash createScript). */
export type LuaScript = { name: string; lua: string };

type RedisBackend = "redis" | "upstash";

/**
 * What the seat locks and the rate limiter need from Redis, whichever transport carries it.
 * One per process (lib/redis/shared.ts); tests open more to stand for other server instances.
 */
export type RedisConnection = {
  kind: RedisBackend;
  /** Runs a script by its SHA, loading it again when Redis has forgotten it (a restart, SCRIPT FLUSH). */
  run(script: LuaScript, keys: string[], args: string[]): Promise<unknown>;
  mget(keys: string[]): Promise<(string | null)[]>;
  smembers(key: string): Promise<string[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

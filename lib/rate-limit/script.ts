import type { LuaScript, RedisConnection } from "@/lib/redis/types";
import { checkOptions, resultOf, type LimitOptions, type LimitResult, type RateLimitStore } from "./types";

// A fixed window per key, counted in Redis so every instance shares it. One script, so reading,
// counting and starting the window's expiry are one atomic step. A refused call adds nothing.
// KEYS[1] counter   ARGV[1] window ms   ARGV[2] cost   ARGV[3] limit
// Returns {allowed (1|0), used, ms left in the window}.
const LIMIT_SCRIPT: LuaScript = {
  name: "rateLimitWindow",
  lua: `
local window = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local allowed = 0
if used + cost <= limit then
  used = redis.call('INCRBY', KEYS[1], cost)
  allowed = 1
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 and used > 0 then
  redis.call('PEXPIRE', KEYS[1], window)
  ttl = window
end
return {allowed, used, ttl}
`,
};

function parse(reply: unknown): [number, number, number] {
  if (!Array.isArray(reply) || reply.length !== 3 || !reply.every((n) => typeof n === "number")) {
    throw new Error(`unexpected rate limit script reply: ${JSON.stringify(reply)}`);
  }
  return reply as [number, number, number];
}

/** Rate limits on Redis, over TCP or Upstash's REST API alike. Closing the store closes its connection. */
export function scriptedRateLimits(connection: RedisConnection): RateLimitStore {
  return {
    kind: connection.kind,
    async limit(key: string, raw: LimitOptions): Promise<LimitResult> {
      const options = checkOptions(raw);
      const [allowed, used, ttl] = parse(await connection.run(LIMIT_SCRIPT, [key], [String(options.windowMs), String(options.cost), String(options.limit)]));
      return resultOf(allowed === 1, used, ttl, options);
    },
    close: () => connection.close(),
  };
}

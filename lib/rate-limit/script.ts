import { checkOptions, resultOf, type LimitOptions, type LimitResult, type RateLimitStore, type RateLimitBackend } from "./types";

// A fixed window per key, counted in Redis so every instance shares it. One script, so reading,
// counting and starting the window's expiry are one atomic step. A refused call adds nothing.
// KEYS[1] counter   ARGV[1] window ms   ARGV[2] cost   ARGV[3] limit
// Returns {allowed (1|0), used, ms left in the window}.
export const LIMIT_SCRIPT = `
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
`;

export type LimitScriptRunner = {
  kind: Exclude<RateLimitBackend, "memory">;
  run(key: string, args: string[]): Promise<unknown>;
  close(): Promise<void>;
};

function parse(reply: unknown): [number, number, number] {
  if (!Array.isArray(reply) || reply.length !== 3 || !reply.every((n) => typeof n === "number")) {
    throw new Error(`unexpected rate limit script reply: ${JSON.stringify(reply)}`);
  }
  return reply as [number, number, number];
}

/** A rate limit store on any client that can run the script (ioredis or Upstash). */
export function scriptedRateLimits(runner: LimitScriptRunner): RateLimitStore {
  return {
    kind: runner.kind,
    async limit(key: string, raw: LimitOptions): Promise<LimitResult> {
      const options = checkOptions(raw);
      const [allowed, used, ttl] = parse(await runner.run(key, [String(options.windowMs), String(options.cost), String(options.limit)]));
      return resultOf(allowed === 1, used, ttl, options);
    },
    close: () => runner.close(),
  };
}

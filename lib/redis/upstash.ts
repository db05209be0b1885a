import "server-only";
import { Redis } from "@upstash/redis";
import { REDIS_TIMEOUT_MS } from "./timeouts";
import type { LuaScript, RedisConnection } from "./types";

/** Upstash Redis over its REST API (UPSTASH_REDIS_REST_URL and _TOKEN). Plain HTTP: nothing stays open. */
export function connectUpstash(config: { url: string; token: string; timeoutMs?: number }): RedisConnection {
  const timeoutMs = config.timeoutMs ?? REDIS_TIMEOUT_MS;
  const redis = new Redis({
    url: config.url,
    token: config.token,
    // By default the SDK JSON-parses every reply, which would turn a holder id such as "42"
    // into a number; holder ids are opaque strings.
    automaticDeserialization: false,
    enableTelemetry: false,
    // One quick retry for a dropped connection (every script is safe to run twice), and a
    // deadline per request, instead of the SDK's five retries over about ten seconds.
    retry: { retries: 1, backoff: () => 50 },
    signal: () => AbortSignal.timeout(timeoutMs),
  });
  // createScript's exec: EVALSHA, then EVAL when Redis answers NOSCRIPT.
  const scripts = new Map<string, ReturnType<Redis["createScript"]>>();
  const script = ({ name, lua }: LuaScript) => {
    let s = scripts.get(name);
    if (!s) scripts.set(name, (s = redis.createScript(lua)));
    return s;
  };

  return {
    kind: "upstash",
    run: (s, keys, args) => script(s).exec(keys, args),
    mget: (keys) => redis.mget<(string | null)[]>(...keys),
    smembers: (key) => redis.smembers<string[]>(key),
    async ping() {
      await redis.ping();
    },
    close: async () => {},
  };
}

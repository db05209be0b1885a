import { checkOptions, resultOf, type RateLimitStore } from "./types";

// Fixed windows in this process's memory: the embedded default, one instance only.
const SWEEP_AT = 10_000;

export function createMemoryRateLimits(now: () => number = Date.now): RateLimitStore {
  const windows = new Map<string, { used: number; endsAt: number }>();

  // Old windows are dropped once the map grows, so a stream of one-off keys cannot fill memory.
  function sweep(at: number) {
    if (windows.size < SWEEP_AT) return;
    for (const [key, w] of windows) if (w.endsAt <= at) windows.delete(key);
  }

  return {
    kind: "memory",
    async limit(key, raw) {
      const options = checkOptions(raw);
      const at = now();
      sweep(at);
      let w = windows.get(key);
      if (!w || w.endsAt <= at) {
        w = { used: 0, endsAt: at + options.windowMs };
        windows.set(key, w);
      }
      const allowed = w.used + options.cost <= options.limit;
      if (allowed) w.used += options.cost;
      return resultOf(allowed, w.used, w.endsAt - at, options);
    },
    close: async () => windows.clear(),
  };
}

// Helpers for simulated customers: distinct client addresses, a seeded random source, and the
// settings passed on to the servers.

/**
 * A distinct address per simulated client, sent as X-Forwarded-For. Every request really comes
 * from 127.0.0.1; the servers are started with TRUST_PROXY_HOPS=1 (appEnv), so the rate limiter
 * sees thousands of customers instead of one very busy one — which is what the benchmark models.
 */
export function clientAddress(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

/** A small seeded PRNG, so a run picks the same seats for the same customers every time. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Settings the caller may want the servers to run with: rate-limit knobs (so a benchmark can
 * raise them) and the metrics token. Anything else is fixed by the scripts.
 */
export function passThroughEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && (k.startsWith("RATE_LIMIT") || k === "METRICS_TOKEN" || k === "TRUST_PROXY_HOPS" || k === "SEAT_HOLD_MINUTES")) out[k] = v;
  }
  return out;
}

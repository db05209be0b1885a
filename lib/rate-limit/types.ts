export type LimitOptions = {
  /** How many units fit in one window. */
  limit: number;
  windowMs: number;
  /** Units this call uses (seats, for a hold); 1 by default. */
  cost?: number;
};

export type LimitResult = {
  ok: boolean;
  limit: number;
  /** Units left in the current window after this call. */
  remaining: number;
  /** 0 when allowed; otherwise whole seconds until a retry can succeed (at least 1). */
  retryAfterSeconds: number;
};

export type RateLimitBackend = "memory" | "redis" | "upstash";

export type RateLimitStore = {
  kind: RateLimitBackend;
  /** Counts the call against `key` unless that would pass the limit; a refused call counts nothing. */
  limit(key: string, options: LimitOptions): Promise<LimitResult>;
  close(): Promise<void>;
};

export function checkOptions({ limit, windowMs, cost = 1 }: LimitOptions): Required<LimitOptions> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`rate limit must be a positive whole number, got ${limit}`);
  if (!Number.isInteger(windowMs) || windowMs < 1) throw new Error(`rate limit window must be a positive whole number of ms, got ${windowMs}`);
  if (!Number.isInteger(cost) || cost < 1) throw new Error(`rate limit cost must be a positive whole number, got ${cost}`);
  return { limit, windowMs, cost };
}

/** The answer for `used` units in a window with `ttlMs` left. */
export function resultOf(allowed: boolean, used: number, ttlMs: number, options: Required<LimitOptions>): LimitResult {
  return {
    ok: allowed,
    limit: options.limit,
    remaining: Math.max(0, options.limit - used),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((ttlMs > 0 ? ttlMs : options.windowMs) / 1000)),
  };
}

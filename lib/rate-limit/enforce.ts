import "server-only";
import { AppError } from "@/lib/errors";
import { limit } from "./index";
import { policies, type PolicyName } from "./policies";
import type { LimitResult } from "./types";

export type Check = { policy: PolicyName; key: string; cost?: number };

/** "in 45 seconds", "in 3 minutes": when a retry can succeed, in words a customer reads. */
export function retryIn(seconds: number): string {
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export class RateLimitedError extends AppError {
  constructor(
    what: string,
    public readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", `Too many ${what} in a short time. Please try again ${retryIn(retryAfterSeconds)}.`, { retryAfterSeconds });
    this.name = "RateLimitedError";
  }
}

/**
 * Runs the checks together; if any refuses, throws a rate_limited AppError (an action answers
 * it as a failure result, a route handler as 429 with Retry-After) naming the longest wait.
 */
export async function enforce(what: string, checks: Check[]): Promise<LimitResult[]> {
  const results = await Promise.all(
    checks.map((c) => limit(`${c.policy}:${c.key}`, { ...policies[c.policy], cost: c.cost ?? 1 })),
  );
  const refused = results.filter((r) => !r.ok);
  if (refused.length) throw new RateLimitedError(what, Math.max(...refused.map((r) => r.retryAfterSeconds)));
  return results;
}

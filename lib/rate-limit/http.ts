import "server-only";
import { errorResponse } from "@/lib/errors";
import { clientIp, clientKey, exemptFromLimits } from "./client";
import { enforce, RateLimitedError } from "./enforce";

// For route handlers: the JSON API limit, and answering a refusal as HTTP 429 with Retry-After.

/** Counts an API request against the api policy for this client; throws RateLimitedError. */
export async function limitApiRequest(req: Request, who: { userId?: string | null; holder?: string | null } = {}): Promise<void> {
  const ip = clientIp(req.headers);
  if (exemptFromLimits(ip)) return;
  await enforce("requests", [{ policy: "api", key: clientKey({ ...who, ip }) }]);
}

/** errorResponse(), plus Retry-After when the error is a rate limit refusal. */
export function errorResponseWithRetryAfter(err: unknown): Response {
  const res = errorResponse(err);
  if (err instanceof RateLimitedError) res.headers.set("retry-after", String(err.retryAfterSeconds));
  return res;
}

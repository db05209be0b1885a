import "server-only";
import { clientIp, clientKey, exemptFromLimits } from "./client";
import { enforce } from "./enforce";

// For route handlers: the JSON API limit (a refusal is answered as 429 with Retry-After by the
// route's error mapping).

/** Counts an API request against the api policy for this client; throws RateLimitedError. */
export async function limitApiRequest(req: Request, who: { userId?: string | null; holder?: string | null } = {}): Promise<void> {
  const ip = clientIp(req.headers);
  if (exemptFromLimits(ip)) return;
  await enforce("requests", [{ policy: "api", key: clientKey({ ...who, ip }) }]);
}

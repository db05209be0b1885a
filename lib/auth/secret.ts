import "server-only";
import { demoMode, env } from "@/lib/env";
import { devSecret } from "@/lib/tickets/dev-secret";

/**
 * The key Auth.js signs its cookies and hashes magic-link tokens with. The embedded default
 * invents one and keeps it in the data directory so sessions survive a restart; production must
 * set it, because a generated secret would differ between instances.
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (!demoMode(e)) {
    throw new Error("AUTH_SECRET must be set in production (generate one with `openssl rand -base64 32`).");
  }
  return devSecret("AUTH_SECRET");
}

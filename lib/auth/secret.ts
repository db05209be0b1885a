import "server-only";
import { secretOrDevSecret } from "@/lib/secrets/dev-secrets";

/**
 * The key Auth.js signs its cookies and hashes magic-link tokens with. The embedded default
 * invents one and keeps it in the data directory so sessions survive a restart; production must
 * set it, because a generated secret would differ between instances.
 */
export function authSecret(): string {
  return secretOrDevSecret("AUTH_SECRET", "generate one with `openssl rand -base64 32`");
}

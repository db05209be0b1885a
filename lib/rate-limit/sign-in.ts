import "server-only";
import { createHash } from "node:crypto";
import { AuthError } from "next-auth";
import { clientIp, exemptFromLimits } from "./client";
import { enforce, RateLimitedError } from "./enforce";

// Email addresses are hashed into the key: the limiter's store is no place for a mailing list.
const emailKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 32);

/**
 * Sign-in links per address and per email, checked before a link is queued. `headers` are the
 * sign-in request's (Auth.js hands them to sendVerificationRequest), so the route and the
 * sign-in form's action are both covered. Refusal is an AuthError, the kind Auth.js passes back
 * to the caller; its cause is the RateLimitedError with the wait and a message for the customer.
 */
export async function limitSignIn(email: string, headers: Headers): Promise<void> {
  const ip = clientIp(headers);
  if (exemptFromLimits(ip)) return;
  try {
    await enforce("sign-in emails", [
      { policy: "signInPerEmail", key: emailKey(email) },
      ...(ip ? [{ policy: "signInPerIp" as const, key: ip }] : []),
    ]);
  } catch (err) {
    if (err instanceof RateLimitedError) throw new AuthError(err.message, err);
    throw err;
  }
}

/** The customer-facing refusal inside an AuthError thrown by limitSignIn, if that is what it is. */
export function signInRateLimit(err: unknown): RateLimitedError | null {
  const cause = (err as { cause?: { err?: unknown } } | null)?.cause?.err;
  return cause instanceof RateLimitedError ? cause : null;
}

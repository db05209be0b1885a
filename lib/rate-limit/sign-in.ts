import "server-only";
import { createHash } from "node:crypto";
import { AuthError } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { clientIp, exemptFromLimits } from "./client";
import { enforce, RateLimitedError } from "./enforce";

type SendVerificationRequest = EmailConfig["sendVerificationRequest"];
type SendParams = Parameters<SendVerificationRequest>[0];

// Email addresses are hashed into the key: the limiter's store is no place for a mailing list.
const emailKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 32);

/**
 * Sign-in links per address and per email, checked before a link is queued. The headers are the
 * sign-in request's (Auth.js hands them over), so the route and the form's action are both
 * covered. A refusal is an AuthError, the kind Auth.js passes back to the caller; its cause is
 * the RateLimitedError carrying the wait and a message for the customer (signInRateLimit()).
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
    if (err instanceof RateLimitedError) throw new AuthError(err.message, { cause: { err } });
    throw err;
  }
}

/** Puts limitSignIn in front of a provider's sendVerificationRequest. */
export function withSignInLimit(send: (params: SendParams) => Promise<void>): SendVerificationRequest {
  return (params) => {
    const run = limitSignIn(params.identifier, params.request.headers).then(() => send(params));
    // Auth.js starts the send, awaits another step, and only then awaits the send: a quick
    // refusal would meanwhile count as an unhandled rejection. Auth.js still receives the error.
    run.catch(() => {});
    return run;
  };
}

/** The customer-facing refusal inside an AuthError thrown by limitSignIn, if that is what it is. */
export function signInRateLimit(err: unknown): RateLimitedError | null {
  const cause = (err as { cause?: { err?: unknown } } | null)?.cause?.err;
  return cause instanceof RateLimitedError ? cause : null;
}

import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Whether a presented secret equals the expected one, in constant time: both are compared as
 * SHA-256 digests, so neither the length nor any prefix of the secret leaks through timing.
 * An empty or missing expected secret matches nothing.
 */
export function sameSecret(presented: string | null | undefined, expected: string | null | undefined): boolean {
  if (!presented || !expected) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Whether `Authorization: Bearer <token>` carries `expected`. */
export function bearerMatches(authorization: string | null, expected: string | undefined): boolean {
  return sameSecret(authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim(), expected);
}

import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getAccessFallbackHTTPStatus, isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";

/**
 * The status Next answers a thrown redirect()/notFound()/forbidden() with, or null when `err` is
 * a real failure. Next's own predicates, so no digest string is parsed here; the pipeline
 * rethrows them with unstable_rethrow and only metrics (measure.ts) need the number.
 */
export function controlFlowStatus(err: unknown): number | null {
  if (isRedirectError(err)) return 303;
  if (isHTTPAccessFallbackError(err)) return getAccessFallbackHTTPStatus(err);
  return null;
}

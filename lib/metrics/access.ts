import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Who may scrape /api/metrics: anyone when METRICS_TOKEN is unset (the embedded default, a
 * private network), otherwise only `Authorization: Bearer <METRICS_TOKEN>`. Returns the refusal,
 * or null to go ahead. Compared as digests so neither length nor content leaks through timing.
 */
export function metricsAccess(authorization: string | null, token: string | undefined = env().METRICS_TOKEN): Response | null {
  if (!token) return null;
  const presented = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? "";
  if (presented && timingSafeEqual(digest(presented), digest(token))) return null;
  return Response.json(
    { error: { code: "unauthenticated", message: "A valid metrics token is required." } },
    { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"', "cache-control": "no-store" } },
  );
}

import "server-only";
import { bearerMatches } from "@/lib/bearer-token";
import { env } from "@/lib/env";

/**
 * Who may scrape /api/metrics: anyone when METRICS_TOKEN is unset (the embedded default, a
 * private network; production refuses to start without it), otherwise only
 * `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time. Returns the refusal, or null.
 */
export function metricsAccess(authorization: string | null, token: string | undefined = env().METRICS_TOKEN): Response | null {
  if (!token) return null;
  if (bearerMatches(authorization, token)) return null;
  return Response.json(
    { error: { code: "unauthenticated", message: "A valid metrics token is required." } },
    { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"', "cache-control": "no-store" } },
  );
}

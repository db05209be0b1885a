import "server-only";
import { errorStatus, type ErrorCode } from "@/lib/errors";
import { metrics } from "./registry";

// Latency by route, method and status for route handlers and server actions. Route names are
// the route's pattern ("/api/shows/[showId]/seats"), never the concrete URL, so the number of
// series stays fixed however many shows there are.

function observe(route: string, method: string, status: number, startedAt: number) {
  metrics().requestDuration.observe({ route, method, status: String(status) }, (performance.now() - startedAt) / 1000);
}

// Next's redirect() and notFound() are thrown; they are answers, not failures.
function thrownStatus(err: unknown): number {
  const digest = (err as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return 500;
  if (digest.startsWith("NEXT_REDIRECT")) return 303;
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return Number(digest.split(";")[1]) || 404;
  return digest === "NEXT_NOT_FOUND" ? 404 : 500;
}

/** Wraps a route handler: `export const GET = withMetrics("/api/health", async (req) => …)`. */
export function withMetrics<R extends Request, C>(route: string, handler: (req: R, ctx: C) => Response | Promise<Response>) {
  return async (req: R, ctx: C): Promise<Response> => {
    const startedAt = performance.now();
    let status = 500;
    try {
      const res = await handler(req, ctx);
      status = res.status;
      return res;
    } catch (err) {
      status = thrownStatus(err);
      throw err;
    } finally {
      observe(route, req.method, status, startedAt);
    }
  };
}

function resultStatus(result: unknown): number {
  const failed = result as { ok?: unknown; code?: unknown } | null;
  if (failed && failed.ok === false && typeof failed.code === "string" && failed.code in errorStatus) {
    return errorStatus[failed.code as ErrorCode];
  }
  return 200;
}

/**
 * Wraps a server action: its latency lands under route "action:<name>", method POST, with the
 * status its ActionResult maps to. onResult sees every result (to count outcomes).
 */
export function measureAction<A extends unknown[], T>(name: string, action: (...args: A) => Promise<T>, onResult?: (result: T) => void) {
  return async (...args: A): Promise<T> => {
    const startedAt = performance.now();
    let status = 500;
    try {
      const result = await action(...args);
      status = resultStatus(result);
      onResult?.(result);
      return result;
    } catch (err) {
      status = thrownStatus(err);
      throw err;
    } finally {
      observe(`action:${name}`, "POST", status, startedAt);
    }
  };
}

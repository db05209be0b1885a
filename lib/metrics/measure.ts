import "server-only";
import { controlFlowStatus } from "./control-flow-status";
import { metrics } from "./registry";

// Latency by route, method and status for route handlers and server actions (defineRoute and
// defineAction call this; nothing else needs to). Route names are the route's pattern
// ("/api/shows/[showId]/seats") or "action:<name>", never the concrete URL, so the number of
// series stays fixed however many shows there are.

/** Runs one answer and records its latency with the status statusOf gives (a throw: Next's control flow, or 500). */
export async function measure<T>(route: string, method: string, run: () => Promise<T>, statusOf: (result: T) => number): Promise<T> {
  const startedAt = performance.now();
  let status = 500;
  try {
    const result = await run();
    status = statusOf(result);
    return result;
  } catch (err) {
    status = controlFlowStatus(err) ?? 500;
    throw err;
  } finally {
    metrics().requestDuration.observe({ route, method, status: String(status) }, (performance.now() - startedAt) / 1000);
  }
}

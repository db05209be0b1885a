import { metrics, metricsAccess, withMetrics } from "@/lib/metrics";

// Prometheus scrapes this. Counters are this instance's; the database gauges are global.
export const dynamic = "force-dynamic";

export const GET = withMetrics("/api/metrics", async (req: Request) => {
  const refused = metricsAccess(req.headers.get("authorization"));
  if (refused) return refused;
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});

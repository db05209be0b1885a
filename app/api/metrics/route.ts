import { defineRoute } from "@/lib/handlers/define-route";
import { metrics, metricsAccess } from "@/lib/metrics";

// Prometheus scrapes this. Counters are this instance's; the database gauges are global.
// No session: the metrics token (when set) is the authentication, checked by metricsAccess.
export const dynamic = "force-dynamic";

export const GET = defineRoute("/api/metrics", { auth: "public" }, async (req) => {
  const refused = metricsAccess(req.headers.get("authorization"));
  if (refused) return refused;
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});

import { buildOpenApiDocument } from "@/lib/api/openapi";

// Generated from the zod schemas the handlers use; the same at every request, so built once.
// The one route handler outside defineRoute: static, it runs at build time only, with no caller
// to check and no request latency to measure.
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "access-control-allow-origin": "*" } });
}

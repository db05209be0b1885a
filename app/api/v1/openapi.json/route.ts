import { buildOpenApiDocument } from "@/lib/api/openapi";

// Generated from the zod schemas the handlers use; the same at every request, so built once.
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "access-control-allow-origin": "*" } });
}

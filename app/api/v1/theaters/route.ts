import { getDb } from "@/db/client";
import { listTheaters } from "@/lib/api/catalog";
import { apiErrorResponse, apiJson } from "@/lib/api/respond";
import { TheaterList } from "@/lib/api/schemas";
import { defineRoute } from "@/lib/handlers/define-route";
import { limitApiRequest } from "@/lib/rate-limit/http";

// Public: the chain's theaters, as the site's cinema picker lists them.
export const dynamic = "force-dynamic";

export const GET = defineRoute("/api/v1/theaters", { auth: "public", errors: apiErrorResponse }, async (req) => {
  await limitApiRequest(req);
  return apiJson(TheaterList, await listTheaters(await getDb()));
});

import { getDb } from "@/db/client";
import { listShows } from "@/lib/api/catalog";
import { ApiFailure, apiJson, handleApi, parseWith } from "@/lib/api/respond";
import { ShowList, ShowsQuery } from "@/lib/api/schemas";
import { limitApiRequest } from "@/lib/rate-limit/http";

// Public: upcoming shows, as on the site's showtimes pages.
export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handleApi(async () => {
    await limitApiRequest(req);
    const query = parseWith(ShowsQuery, Object.fromEntries(new URL(req.url).searchParams), "Please check the query parameters.");
    const list = await listShows(await getDb(), query);
    if (!list) throw new ApiFailure("unavailable", "No theater is set up yet.");
    return apiJson(ShowList, list);
  });
}

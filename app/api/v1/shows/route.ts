import { getDb } from "@/db/client";
import { listShows, showsQueryInput } from "@/lib/api/catalog";
import { apiErrorResponse, apiJson, parseWith } from "@/lib/api/respond";
import { ShowList, ShowsQuery } from "@/lib/api/schemas";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/handlers/define-route";
import { limitApiRequest } from "@/lib/rate-limit/http";

// Public: upcoming shows, as on the site's showtimes pages, by theater, movie, date and tags.
export const dynamic = "force-dynamic";

export const GET = defineRoute("/api/v1/shows", { auth: "public", errors: apiErrorResponse }, async (req) => {
  await limitApiRequest(req);
  const query = parseWith(ShowsQuery, showsQueryInput(new URL(req.url).searchParams), "Please check the query parameters.");
  const list = await listShows(await getDb(), query);
  if (!list) throw new AppError("unavailable", "No theater is set up yet.");
  return apiJson(ShowList, list);
});

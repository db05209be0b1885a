import { getDb } from "@/db/client";
import { listMovies } from "@/lib/api/catalog";
import { apiErrorResponse, apiJson } from "@/lib/api/respond";
import { MovieList } from "@/lib/api/schemas";
import { defineRoute } from "@/lib/handlers/define-route";
import { limitApiRequest } from "@/lib/rate-limit/http";

// Public: the same catalog anyone sees on the site.
export const dynamic = "force-dynamic";

export const GET = defineRoute("/api/v1/movies", { auth: "public", errors: apiErrorResponse }, async (req) => {
  await limitApiRequest(req);
  return apiJson(MovieList, { movies: await listMovies(await getDb()) });
});

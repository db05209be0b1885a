import { getDb } from "@/db/client";
import { listMovies } from "@/lib/api/catalog";
import { apiJson, handleApi } from "@/lib/api/respond";
import { MovieList } from "@/lib/api/schemas";
import { limitApiRequest } from "@/lib/rate-limit/http";

// Public: the same catalog anyone sees on the site.
export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handleApi(async () => {
    await limitApiRequest(req);
    return apiJson(MovieList, { movies: await listMovies(await getDb()) });
  });
}

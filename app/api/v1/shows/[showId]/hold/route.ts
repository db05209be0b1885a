import { getDb } from "@/db/client";
import { apiHoldSeats } from "@/lib/api/holds";
import { apiJson, handleApi, jsonBody, parseWith } from "@/lib/api/respond";
import { HoldState, SeatsRequest, ShowParams } from "@/lib/api/schemas";
import { requireUser } from "@/lib/auth/current-user";

// Signed-in customers only: the session is checked here, before anything is read or held.
export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ showId: string }> }) {
  return handleApi(async () => {
    await requireUser();
    const { showId } = parseWith(ShowParams, await ctx.params);
    const { seatIds } = parseWith(SeatsRequest, await jsonBody(req));
    return apiJson(HoldState, await apiHoldSeats(await getDb(), { showId, seatIds }));
  });
}

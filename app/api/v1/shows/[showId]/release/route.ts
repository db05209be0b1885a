import { getDb } from "@/db/client";
import { apiReleaseSeats } from "@/lib/api/holds";
import { apiJson, handleApi, jsonBody, parseWith } from "@/lib/api/respond";
import { ReleaseResult, SeatsRequest, ShowParams } from "@/lib/api/schemas";
import { requireUser } from "@/lib/auth/current-user";
import { readHolderId } from "@/lib/booking/holder";
import { limitApiRequest } from "@/lib/rate-limit/http";

// Signed-in customers only; the lock store releases a seat only for the holder that took it.
export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ showId: string }> }) {
  return handleApi(async () => {
    const user = await requireUser();
    const { showId } = parseWith(ShowParams, await ctx.params);
    const { seatIds } = parseWith(SeatsRequest, await jsonBody(req));
    await limitApiRequest(req, { userId: user.id, holder: await readHolderId() });
    return apiJson(ReleaseResult, await apiReleaseSeats(await getDb(), { showId, seatIds }));
  });
}

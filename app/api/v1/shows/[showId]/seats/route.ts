import { getDb } from "@/db/client";
import { apiJson, handleApi, parseWith } from "@/lib/api/respond";
import { SeatAvailability, ShowParams } from "@/lib/api/schemas";
import { seatAvailability } from "@/lib/api/seats";
import { readHolderId } from "@/lib/booking/holder";
import { limitApiRequest } from "@/lib/rate-limit/http";

// Public, like the seat map: seat states reveal no one's identity; `mine` comes from the
// caller's own holder cookie.
export const dynamic = "force-dynamic";

export function GET(req: Request, ctx: { params: Promise<{ showId: string }> }) {
  return handleApi(async () => {
    const { showId } = parseWith(ShowParams, await ctx.params);
    const holder = await readHolderId();
    await limitApiRequest(req, { holder });
    return apiJson(SeatAvailability, await seatAvailability(await getDb(), showId, holder));
  });
}

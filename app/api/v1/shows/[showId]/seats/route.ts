import { getDb } from "@/db/client";
import { apiErrorResponse, apiJson, parseWith } from "@/lib/api/respond";
import { SeatAvailability, ShowParams } from "@/lib/api/schemas";
import { seatAvailability } from "@/lib/api/seats";
import { readHolderId } from "@/lib/booking/holder";
import { defineRoute } from "@/lib/handlers/define-route";
import { limitApiRequest } from "@/lib/rate-limit/http";

// Public, like the seat map: seat states reveal no one's identity; `mine` comes from the
// caller's own holder cookie.
export const dynamic = "force-dynamic";

export const GET = defineRoute("/api/v1/shows/[showId]/seats", { auth: "public", errors: apiErrorResponse }, async (req, { params }) => {
  const { showId } = parseWith(ShowParams, await params);
  const holder = await readHolderId();
  await limitApiRequest(req, { holder });
  return apiJson(SeatAvailability, await seatAvailability(await getDb(), showId, holder));
});

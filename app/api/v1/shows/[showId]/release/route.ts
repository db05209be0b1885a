import { getDb } from "@/db/client";
import { apiReleaseSeats } from "@/lib/api/holds";
import { apiErrorResponse, apiJson, jsonBody, parseWith } from "@/lib/api/respond";
import { ReleaseResult, SeatsRequest, ShowParams } from "@/lib/api/schemas";
import { readHolderId } from "@/lib/booking/holder";
import { defineRoute } from "@/lib/handlers/define-route";
import { limitApiRequest } from "@/lib/rate-limit/http";

// Signed-in customers only; the lock store releases a seat only for the holder that took it.
export const dynamic = "force-dynamic";

export const POST = defineRoute("/api/v1/shows/[showId]/release", { auth: "customer", errors: apiErrorResponse }, async (req, { params, user }) => {
  const { showId } = parseWith(ShowParams, await params);
  const { seatIds } = parseWith(SeatsRequest, await jsonBody(req));
  await limitApiRequest(req, { userId: user.id, holder: await readHolderId() });
  return apiJson(ReleaseResult, await apiReleaseSeats(await getDb(), { showId, seatIds }));
});

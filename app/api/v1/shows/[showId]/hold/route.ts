import { getDb } from "@/db/client";
import { apiHoldSeats } from "@/lib/api/holds";
import { apiErrorResponse, apiJson, jsonBody, parseWith } from "@/lib/api/respond";
import { HoldState, SeatsRequest, ShowParams } from "@/lib/api/schemas";
import { defineRoute } from "@/lib/handlers/define-route";

// Signed-in customers only: the session is checked before anything is read or held.
export const dynamic = "force-dynamic";

export const POST = defineRoute("/api/v1/shows/[showId]/hold", { auth: "customer", errors: apiErrorResponse }, async (req, { params, user }) => {
  const { showId } = parseWith(ShowParams, await params);
  const { seatIds } = parseWith(SeatsRequest, await jsonBody(req));
  return apiJson(HoldState, await apiHoldSeats(await getDb(), { showId, seatIds }, user.id));
});

import { z } from "zod";
import { getDb } from "@/db/client";
import { assertInScope } from "@/lib/admin/assert-in-scope";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/handlers/define-route";
import { doorCounts } from "@/db/queries/tickets";

// Admitted / expected for the door page, polled while it is open.
export const GET = defineRoute<"admin", { showId: string }>("/api/admin/shows/[showId]/door", { auth: "admin" }, async (_req, { params, user }) => {
  const { showId } = await params;
  if (!z.uuid().safeParse(showId).success) throw new AppError("not_found", "No such show.");
  await assertInScope(user, "show", showId);
  return Response.json(await doorCounts(await getDb(), showId), { headers: { "cache-control": "no-store" } });
});

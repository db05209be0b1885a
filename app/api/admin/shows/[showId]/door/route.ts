import { z } from "zod";
import { getDb } from "@/db/client";
import { requireAdmin } from "@/lib/authz";
import { AppError, errorResponse } from "@/lib/errors";
import { doorCounts } from "@/db/queries/tickets";

// Admitted / expected for the door page, polled while it is open. Admins only.
export async function GET(_req: Request, ctx: { params: Promise<{ showId: string }> }) {
  try {
    await requireAdmin();
    const { showId } = await ctx.params;
    if (!z.uuid().safeParse(showId).success) throw new AppError("not_found", "No such show.");
    return Response.json(await doorCounts(await getDb(), showId), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}

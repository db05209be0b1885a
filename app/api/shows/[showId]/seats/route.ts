import { z } from "zod";
import { getDb } from "@/db/client";
import { readHolderId } from "@/lib/booking/holder";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";
import { AppError, errorResponse } from "@/lib/errors";

// Polled by every open seat map (about every 1.5 s): public seat states, plus which seats are
// the caller's own (by their holder cookie). It reveals no one else's identity.
export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ showId: string }> }) {
  try {
    const { showId } = await ctx.params;
    if (!z.uuid().safeParse(showId).success) throw new AppError("not_found", "That show does not exist.");
    const snapshot = await seatSnapshot(await getDb(), showId, await readHolderId());
    return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}

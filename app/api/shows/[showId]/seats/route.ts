import { z } from "zod";
import { getDb } from "@/db/client";
import { assertAdmitted } from "@/lib/booking/admission-guard";
import { readHolderId } from "@/lib/booking/holder";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/handlers/define-route";

// Polled by every open seat map (about every 1.5 s): public seat states, plus which seats are
// the caller's own (by their holder cookie). It reveals no one else's identity.
export const dynamic = "force-dynamic";

export const GET = defineRoute<"public", { showId: string }>("/api/shows/[showId]/seats", { auth: "public" }, async (_req, { params }) => {
  const { showId } = await params;
  if (!z.uuid().safeParse(showId).success) throw new AppError("not_found", "That show does not exist.");
  const [db, holder] = await Promise.all([getDb(), readHolderId()]);
  await assertAdmitted(db, showId, holder);
  const snapshot = await seatSnapshot(db, showId, holder);
  return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
});

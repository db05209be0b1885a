import { z } from "zod";
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/current-user";
import { lineShow } from "@/lib/booking/admission-guard";
import { ensureHolderId } from "@/lib/booking/holder";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/handlers/define-route";
import { visitLine } from "@/lib/waiting-room/visit";

// Polled by the line page (about every 2 s): takes the visitor's place on the first call and
// answers it after, one place per account or holder cookie whatever the number of tabs. Once the
// place comes up, the answer sets the show's admission cookie and says where to go.
export const dynamic = "force-dynamic";

export const POST = defineRoute<"public", { showId: string }>("/api/shows/[showId]/line", { auth: "public" }, async (_req, { params }) => {
  const { showId } = await params;
  if (!z.uuid().safeParse(showId).success) throw new AppError("not_found", "That show does not exist.");
  const show = await lineShow(await getDb(), showId);
  if (!show) throw new AppError("not_found", "That show does not exist.");
  const [holder, user] = await Promise.all([ensureHolderId(), currentUser()]);
  const answer = await visitLine(show, { holder, userId: user?.id ?? null });
  return Response.json(answer, { headers: { "cache-control": "no-store" } });
});

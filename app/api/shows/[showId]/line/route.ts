import { z } from "zod";
import { getDb } from "@/db/client";
import { currentUser } from "@/lib/auth/current-user";
import { lineShow } from "@/lib/booking/admission-guard";
import { ensureHolderId } from "@/lib/booking/holder";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/handlers/define-route";
import { admit } from "@/lib/waiting-room/admission";
import { visitLine } from "@/lib/waiting-room/visit";

// Polled by the line page (when the answer says): takes the visitor's place on the first call and
// answers it after, one place per account or holder cookie whatever the number of tabs. Once the
// place comes up, the answer sets the show's admission cookie and says where to go. A guest's
// join and polls are answered before they reach Next, by the line's front door
// (lib/booking/line-front-door.ts), with the same answer: this route answers the rest (a
// signed-in visitor, a first visit without a holder cookie, a show the front door cannot place).
export const dynamic = "force-dynamic";

export const POST = defineRoute<"public", { showId: string }>("/api/shows/[showId]/line", { auth: "public" }, async (_req, { params }) => {
  const { showId } = await params;
  if (!z.uuid().safeParse(showId).success) throw new AppError("not_found", "That show does not exist.");
  const show = await lineShow(await getDb(), showId);
  if (!show) throw new AppError("not_found", "That show does not exist.");
  const [holder, user] = await Promise.all([ensureHolderId(), currentUser()]);
  const { answer, admit: letIn } = await visitLine(show, { holder, userId: user?.id ?? null });
  if (letIn) await admit(show.id, holder);
  return Response.json(answer, { headers: { "cache-control": "no-store" } });
});

import "server-only";
import { getDb } from "@/db/client";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { replaceShowTags } from "@/db/queries/shows";
import { theaterOfShow } from "@/db/queries/theater-scope";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AdminActor } from "@/lib/auth/session-user";
import { assertManagesTheater } from "@/lib/auth/theater-scope";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time";
import type { SetShowTagsInput } from "./show-input";
import { tagLine } from "@/lib/show-tags";

/**
 * Sets the tags of a show that has not ended (IMAX, Spanish, audio description…), for the
 * listings, the showtime page and tickets sold from now on. A show of a theater the actor does
 * not manage is answered like one that does not exist. Tickets already sold keep printing the
 * show as it is: the PDF is drawn from the show when it is downloaded.
 */
export async function setShowTags(actor: AdminActor, input: SetShowTagsInput, now = new Date()): Promise<{ showId: string; tags: string[] }> {
  const db = await getDb();
  const theaterId = await theaterOfShow(db, input.showId);
  assertManagesTheater(actor, theaterId, "That show");
  const found = await showWithVenue(db, input.showId);
  if (!found) throw new AppError("not_found", "That show was not found.");
  const { show, movie, screen, theater } = found;
  if (show.status === "cancelled") throw new AppError("conflict", "That show is cancelled.");
  if (show.endsAt <= now) throw new AppError("conflict", "That show is already over.");
  return db.transaction(async (tx) => {
    const changed = await replaceShowTags(tx, show.id, input.tags);
    if (!changed) throw new AppError("not_found", "That show was not found.");
    await recordAudit(tx, actor, "show.tags", { type: "show", id: show.id, theaterId }, {
      summary: `Tagged ${movie.title} ${formatDateTime(show.startsAt, theater.timeZone)} on ${screen.name}: ${tagLine(input.tags) || "no tags"} (was ${tagLine(changed.before) || "no tags"})`,
      tags: input.tags,
      before: changed.before,
    });
    return { showId: show.id, tags: input.tags };
  });
}

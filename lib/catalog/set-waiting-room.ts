import "server-only";
import { getDb } from "@/db/client";
import { scheduledShowsOfMovieBetween, setWaitingRoom, showWithTheaterZone } from "@/db/queries/shows";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AdminActor } from "@/lib/auth/session-user";
import { forgetLineShow } from "@/lib/booking/admission-guard";
import { showChanged } from "@/lib/booking/show-facts";
import { AppError, fieldError } from "@/lib/errors";
import { localDate, localDays, zonedToUtc } from "@/lib/time";
import type { WaitingRoomInput } from "./waiting-room-input";

export type WaitingRoomResult = { showIds: string[] };

/**
 * Marks a show — or every showtime of its movie that day at its theater, for an opening day (a
 * chain's other cinemas keep their own lines, issue 19) — as high demand:
 * from the opening time on, visitors wait in line and are let in at the rate set (issue 22). Or
 * takes the line away. Each show's facts are refreshed, so every instance's holds see it at once.
 */
export async function setWaitingRoomOf(actor: AdminActor, input: WaitingRoomInput, now = new Date()): Promise<WaitingRoomResult> {
  const db = await getDb();
  const found = await showWithTheaterZone(db, input.showId);
  if (!found) throw new AppError("not_found", "That show does not exist.");
  const { show, timeZone, theaterId } = found;
  if (show.endsAt <= now) throw new AppError("conflict", "This show is already over.");
  const room = input.mode === "on" ? { from: zonedToUtc(input.date, input.time, timeZone), perMinute: input.perMinute } : null;
  if (room && room.from >= show.startsAt) throw fieldError("time", "Open the line before the show starts.");
  const targets =
    input.scope === "day" ? (await scheduledShowsOfMovieBetween(db, theaterId, show.movieId, localDays(localDate(show.startsAt, timeZone), timeZone), now)).filter((s) => !room || room.from < s.startsAt) : [show];
  const showIds = [...new Set([show.id, ...targets.map((s) => s.id)])];
  await db.transaction(async (tx) => {
    for (const id of showIds) await setWaitingRoom(tx, id, room);
    await recordAudit(tx, actor, room ? "show.waiting_room.on" : "show.waiting_room.off", { type: "show", id: show.id }, {
      showIds,
      ...(room ? { from: room.from.toISOString(), perMinute: room.perMinute } : {}),
    });
  });
  for (const id of showIds) {
    forgetLineShow(id);
    await showChanged(db, id);
  }
  return { showIds };
}

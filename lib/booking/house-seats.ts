import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { deleteHouseSeats, insertHouseSeats } from "@/db/queries/house-seats";
import { soldSeatIdsOfShow } from "@/db/queries/show-seats";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AdminActor } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { getSeatLocks } from "@/lib/seat-locks";
import { heldBy } from "./holds";
import { bookableShow } from "./show-guard";
import { offerFreedSeatsSafely } from "./waitlist/offer-seats";
import { markSeatsSold, unmarkSeatsSold } from "./show-facts";

export const reserveHouseSeatsSchema = z.object({
  showId: z.uuid({ message: "That is not a show id." }),
  note: z.string().trim().max(200, "Keep the note under 200 characters.").optional().default(""),
});
export const releaseHouseSeatsSchema = z.object({
  showId: z.uuid({ message: "That is not a show id." }),
  seatIds: z.union([z.uuid(), z.array(z.uuid()).min(1).max(500)], { message: "Choose the seats to release." }).transform((v) => (Array.isArray(v) ? v : [v])),
});

/**
 * Keeps the seats this staff member's map holds off sale (guests, press, a broken seat). Going
 * through the hold means nobody else can be holding or paying for them at that moment; once the
 * rows are in, every hold, checkout and counter sale refuses them, and the locks are let go.
 */
export async function reserveHouseSeats(db: Db, actor: AdminActor, holder: string, input: z.infer<typeof reserveHouseSeatsSchema>) {
  await bookableShow(db, input.showId);
  const mine = await heldBy(db, input.showId, holder);
  if (!mine.length) throw new AppError("gone", "No seats are held at this counter. Choose them on the map first.");
  const sold = new Set(await soldSeatIdsOfShow(db, input.showId));
  if (mine.some((id) => sold.has(id))) throw new AppError("conflict", "Some of these seats are already sold.");
  const kept = await db.transaction(async (tx) => {
    const ids = await insertHouseSeats(tx, input.showId, mine, actor.id, input.note);
    await recordAudit(tx, actor, "house_seats.reserve", { type: "show", id: input.showId }, { seatIds: ids, note: input.note });
    return ids;
  });
  await getSeatLocks()
    .release(input.showId, mine, holder)
    .catch((err) => log.warn({ err }, "could not release the counter's locks; they expire by themselves"));
  await markSeatsSold(input.showId, kept);
  return { kept: kept.length };
}

/** Puts house seats back on sale (and offers them to the show's waitlist). */
export async function releaseHouseSeats(db: Db, actor: AdminActor, input: z.infer<typeof releaseHouseSeatsSchema>) {
  const released = await db.transaction(async (tx) => {
    const ids = await deleteHouseSeats(tx, input.showId, input.seatIds);
    if (ids.length) await recordAudit(tx, actor, "house_seats.release", { type: "show", id: input.showId }, { seatIds: ids });
    return ids;
  });
  if (!released.length) throw new AppError("not_found", "Those seats are not kept by the house.");
  await unmarkSeatsSold(input.showId, released);
  await offerFreedSeatsSafely(db, input.showId);
  return { released: released.length };
}

import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { showById } from "@/db/queries/shows";
import { ensureHolderId, readHolderId } from "@/lib/booking/holder";
import { heldBy, holdSeats, releaseSeats } from "@/lib/booking/holds";
import { AppError, toFailure } from "@/lib/errors";
import { countHoldOutcome } from "@/lib/metrics";
import { holdLimits } from "@/lib/rate-limit/actions";
import { isAdmitted } from "@/lib/waiting-room/admission";
import type { HoldState, ReleaseResult } from "./schemas";

// Holding and releasing through the API follows the seat map's rules exactly: the holder is the
// mq_holder cookie (minted on the first hold, as holdSeatsAction does), the hold limit is the
// same, and the booking code decides. The route handler has already required a signed-in user.

const iso = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);

export async function apiHoldSeats(db: Db, input: { showId: string; seatIds: string[] }, userId: string): Promise<z.input<typeof HoldState>> {
  const holder = await ensureHolderId();
  let result;
  try {
    const [limits, admitted] = await Promise.all([holdLimits(input, { holder, userId }), isAdmitted(input.showId, holder)]);
    result = await holdSeats(db, input, holder, new Date(), { limits, admitted });
  } catch (err) {
    // Counted like the seat map's hold action, so holds_taken/refused cover both ways in.
    countHoldOutcome(toFailure(err));
    throw err;
  }
  countHoldOutcome({ ok: true, data: result });
  return { showId: input.showId, mine: result.mine, expiresAt: iso(result.expiresAt) };
}

/** Only the caller's own holds are let go; someone else's seat in the list is left as it is. */
export async function apiReleaseSeats(db: Db, input: { showId: string; seatIds: string[] }): Promise<z.input<typeof ReleaseResult>> {
  if (!(await showById(db, input.showId))) throw new AppError("not_found", "That show does not exist.");
  const holder = await readHolderId();
  if (!holder) return { showId: input.showId, released: [], mine: [], expiresAt: null };
  const before = new Set(await heldBy(db, input.showId, holder));
  const after = await releaseSeats(db, input, holder);
  const still = new Set(after.mine);
  const released = [...new Set(input.seatIds)].filter((id) => before.has(id) && !still.has(id));
  return { showId: input.showId, released, mine: after.mine, expiresAt: iso(after.expiresAt) };
}

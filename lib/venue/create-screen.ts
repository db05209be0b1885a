import "server-only";
import { getDb, uniqueViolation } from "@/db/client";
import { insertScreenWithSeats, theaterById } from "@/db/queries/venue";
import type { AdminActor } from "@/lib/auth/session-user";
import { fieldError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { rowLabel } from "@/lib/seat-map/layout-plan";
import type { CreateScreenInput } from "./screen-input";

/** A new screen with a plain rectangle of standard seats, to be shaped in the layout editor. */
export async function createScreen(actor: AdminActor, input: CreateScreenInput): Promise<{ id: string }> {
  const db = await getDb();
  const theater = await theaterById(db, input.theaterId);
  if (!theater) throw fieldError("theaterId", "Choose a theater.");
  try {
    return await db.transaction(async (tx) => {
      const grid = Array.from({ length: input.rows }, (_, y) =>
        Array.from({ length: input.seatsPerRow }, (_, x) => ({ rowLabel: rowLabel(y), number: x + 1, x, y, kind: "standard" as const, tier: input.tiers[0] })),
      ).flat();
      const screen = await insertScreenWithSeats(
        tx,
        { theaterId: theater.id, name: input.name, format: input.format, tiers: input.tiers, gridWidth: input.seatsPerRow, gridHeight: input.rows },
        grid,
      );
      await recordAudit(tx, actor, "screen.create", { type: "screen", id: screen.id }, { name: input.name, tiers: input.tiers, seats: grid.length });
      return screen;
    });
  } catch (err) {
    if (uniqueViolation(err) === "screens_theater_name") throw fieldError("name", "This theater already has a screen with that name.");
    throw err;
  }
}

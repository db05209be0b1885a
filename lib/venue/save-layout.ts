import "server-only";
import { getDb } from "@/db/client";
import { allSeatsOfScreen, applyLayoutPlan, comingShowsOfScreen, lockScreen, seatsSoldForComingShows, screenWithTheater } from "@/db/queries/venue";
import { forgetSeatIds } from "@/lib/booking/seat-ids";
import { forgetFactsOfScreen } from "@/lib/booking/show-facts";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/time";
import type { AdminActor } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffLayout, type LayoutPlan } from "./diff-layout";
import type { SaveLayoutInput } from "./layout-types";
import { layoutVersion } from "./layout-version";
import { validateLayout, type LayoutIssue } from "./validate-layout";

export type SaveLayoutResult = { version: string; summary: LayoutPlan["summary"] };

function refuse(code: "bad_input" | "conflict", issues: LayoutIssue[]): never {
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  throw new AppError(code, `Nothing was saved: ${issues[0].message}${more}`, { issues });
}

/**
 * Saves a whole edited layout in one transaction, or nothing. The screen row is locked so two
 * saves of one screen run one after the other, and the version check refuses a save made on a
 * layout someone has changed since the editor opened.
 */
export async function saveLayout(actor: AdminActor, input: SaveLayoutInput, now = new Date()): Promise<SaveLayoutResult> {
  const draft = { gridWidth: input.gridWidth, gridHeight: input.gridHeight, tiers: input.tiers, seats: input.seats };
  const structural = validateLayout(draft);
  if (structural.length) refuse("bad_input", structural);

  const db = await getDb();
  const saved = await db.transaction(async (tx) => {
    const found = await screenWithTheater(tx, input.screenId);
    if (!found) throw new AppError("not_found", "That screen does not exist.");
    const screen = (await lockScreen(tx, input.screenId))!;
    const stored = await allSeatsOfScreen(tx, screen.id);
    if (layoutVersion(screen, stored) !== input.version) {
      throw new AppError("conflict", "Someone changed this layout after you opened it. Reload the editor to see their changes, then make yours again.");
    }

    const sold = await seatsSoldForComingShows(tx, screen.id, found.theater.timeZone, now);
    const diff = diffLayout(stored, draft, sold);
    if (!diff.ok) refuse("conflict", diff.issues);

    const usedTiers = new Set(draft.seats.map((s) => s.tier));
    const unpriced = (await comingShowsOfScreen(tx, screen.id, now)).flatMap((show) => {
      const missing = [...usedTiers].filter((t) => show.prices[t] === undefined);
      return missing.length ? [{ show, missing }] : [];
    });
    if (unpriced.length) {
      const first = unpriced[0];
      refuse("conflict", [
        {
          message: `${unpriced.length} scheduled show${unpriced.length > 1 ? "s have" : " has"} no price for the ${first.missing.join(", ")} tier, e.g. ${first.show.title} (${formatDateTime(first.show.startsAt, found.theater.timeZone)}). Put those seats in a tier these shows sell.`,
        },
      ]);
    }

    const { plan } = diff;
    const updated = await applyLayoutPlan(tx, screen.id, plan, { gridWidth: draft.gridWidth, gridHeight: draft.gridHeight, tiers: draft.tiers });

    await recordAudit(tx, actor, "screen.layout.save", { type: "screen", id: screen.id }, { name: screen.name, ...plan.summary, tiers: draft.tiers });
    return { version: layoutVersion(updated, await allSeatsOfScreen(tx, screen.id)), summary: plan.summary };
  });
  // This instance's seat-id cache (lib/booking/seat-ids.ts) serves the new layout at once;
  // other instances catch up within its few seconds.
  forgetSeatIds();
  // Every instance's holds read the show facts in Redis: those of the screen's shows are rebuilt.
  await forgetFactsOfScreen(db, input.screenId);
  return saved;
}

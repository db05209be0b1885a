// Compares an edited layout with the seats stored for the screen and plans the writes:
// new seats inserted, changed seats updated, removed seats retired (never deleted: tickets
// point at them). Refuses to drop, move or renumber a seat that has a live ticket for a show
// still to come. Pure; save-layout.ts applies the plan in one transaction.
import { seatKey, type DraftSeat, type LayoutDraft, type StoredSeat } from "./layout-types";
import type { LayoutIssue } from "./validate-layout";

type SeatValues = Omit<DraftSeat, "id">;

export type LayoutPlan = {
  inserts: SeatValues[];
  /** Final values for stored seats that change or come back into use. */
  updates: { id: string; values: SeatValues; reactivate: boolean }[];
  retires: string[];
  /**
   * Numbers to give seats before the final update: seats that swap or shift labels would
   * otherwise collide with each other under the unique (screen, row, number) index. A seat
   * moved out of the way for good (a retired seat whose label is reused) keeps its number.
   */
  temporaryNumbers: { id: string; number: number }[];
  summary: { added: number; changed: number; removed: number };
};

export type LayoutDiff = { ok: true; plan: LayoutPlan } | { ok: false; issues: LayoutIssue[] };

/** `sold` maps a seat id to the future show it has a live ticket for (how the refusal names it). */
export function diffLayout(stored: readonly StoredSeat[], draft: LayoutDraft, sold: ReadonlyMap<string, string>): LayoutDiff {
  const issues: LayoutIssue[] = [];
  const byId = new Map(stored.map((s) => [s.id, s]));
  const byLabel = new Map(stored.map((s) => [seatKey(s), s]));

  const draftIds = draft.seats.flatMap((s) => (s.id ? [s.id] : []));
  const unknown = draftIds.filter((id) => !byId.has(id));
  if (unknown.length) issues.push({ message: "Some seats are not part of this screen. Reload the editor and try again." });
  if (new Set(draftIds).size !== draftIds.length) issues.push({ message: "A seat appears twice in the layout. Reload the editor and try again." });
  if (issues.length) return { ok: false, issues };

  // A seat added (no id) where the layout has an unclaimed stored seat of the same label, or
  // failing that in the same place, is that seat: brought back or kept rather than inserted as
  // a twin. Removing a seat in the editor and putting it back is then no change at all.
  const kept = new Set(draftIds);
  const byPlace = new Map<string, StoredSeat[]>();
  for (const s of stored) byPlace.set(`${s.x},${s.y}`, [...(byPlace.get(`${s.x},${s.y}`) ?? []), s]);
  const unclaimed = (s: StoredSeat | undefined) => (s && !kept.has(s.id) ? s : undefined);
  const matched: { draft: DraftSeat; stored: StoredSeat | undefined }[] = draft.seats.map((seat) => ({ draft: seat, stored: seat.id ? byId.get(seat.id) : undefined }));
  for (const pass of ["label", "place"] as const) {
    for (const m of matched) {
      if (m.draft.id || m.stored) continue;
      const candidates = pass === "label" ? [byLabel.get(seatKey(m.draft))] : [...(byPlace.get(`${m.draft.x},${m.draft.y}`) ?? [])].sort((a, b) => Number(b.active) - Number(a.active));
      const target = candidates.map(unclaimed).find(Boolean);
      if (target) {
        m.stored = target;
        kept.add(target.id);
      }
    }
  }

  const plan: LayoutPlan = { inserts: [], updates: [], retires: [], temporaryNumbers: [], summary: { added: 0, changed: 0, removed: 0 } };
  const relabelled: StoredSeat[] = [];
  for (const { draft: seat, stored: current } of matched) {
    const values: SeatValues = { rowLabel: seat.rowLabel, number: seat.number, x: seat.x, y: seat.y, kind: seat.kind, tier: seat.tier };
    if (!current) {
      plan.inserts.push(values);
      plan.summary.added++;
      continue;
    }
    const moved = current.x !== seat.x || current.y !== seat.y;
    const renamed = current.rowLabel !== seat.rowLabel || current.number !== seat.number;
    const restyled = current.kind !== seat.kind || current.tier !== seat.tier;
    if ((moved || renamed) && sold.has(current.id)) {
      issues.push({
        message: `Row ${current.rowLabel}, seat ${current.number} has a ticket for ${sold.get(current.id)}; it cannot be moved or renumbered.`,
        seats: [seatKey(seat)],
      });
    }
    if (renamed) relabelled.push(current);
    if (moved || renamed || restyled || !current.active) {
      plan.updates.push({ id: current.id, values, reactivate: !current.active });
      if (current.active) plan.summary.changed++;
      else plan.summary.added++;
    }
  }

  for (const seat of stored) {
    if (!seat.active || kept.has(seat.id)) continue;
    if (sold.has(seat.id)) {
      issues.push({ message: `Row ${seat.rowLabel}, seat ${seat.number} has a ticket for ${sold.get(seat.id)}; it cannot be removed.`, seats: [seatKey(seat)] });
    }
    plan.retires.push(seat.id);
    plan.summary.removed++;
  }
  if (issues.length) return { ok: false, issues };

  // Labels the final layout uses that a stored seat outside it still carries (a retired seat,
  // or one retiring now): that seat is moved out of the way to a number no seat uses.
  const finalLabels = new Set(draft.seats.map(seatKey));
  const inFinal = new Set(matched.flatMap((m) => (m.stored ? [m.stored.id] : [])));
  const inTheWay = stored.filter((s) => !inFinal.has(s.id) && finalLabels.has(seatKey(s)));
  let free = Math.min(0, ...stored.map((s) => s.number)) - 1;
  for (const seat of [...inTheWay, ...relabelled]) plan.temporaryNumbers.push({ id: seat.id, number: free-- });
  return { ok: true, plan };
}

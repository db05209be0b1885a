// Structural rules for a seat layout, checked before anything is compared with the database.
// Pure: the editor shows the same issues live that the save action refuses.
import { seatKey, type LayoutDraft } from "./layout-types";

export type LayoutIssue = { message: string; seats?: string[] };

export function validateLayout(draft: LayoutDraft): LayoutIssue[] {
  const issues: LayoutIssue[] = [];
  const { seats, tiers, gridWidth, gridHeight } = draft;
  if (seats.length === 0) issues.push({ message: "A screen needs at least one seat." });
  if (new Set(tiers).size !== tiers.length) issues.push({ message: "Each tier may be listed only once." });

  const outside = seats.filter((s) => s.x >= gridWidth || s.y >= gridHeight || s.x < 0 || s.y < 0);
  if (outside.length) issues.push({ message: "Some seats are outside the grid.", seats: outside.map(seatKey) });

  const tierSet = new Set(tiers);
  const unknownTier = seats.filter((s) => !tierSet.has(s.tier));
  if (unknownTier.length) {
    const names = [...new Set(unknownTier.map((s) => s.tier))].join(", ");
    issues.push({ message: `Seats use tiers this screen does not sell (${names}).`, seats: unknownTier.map(seatKey) });
  }

  issues.push(...duplicates(seats.map((s) => [`${s.x},${s.y}`, seatKey(s)]), (keys) => `Two seats share one place (${keys}).`));
  issues.push(...duplicates(seats.map((s) => [seatKey(s), seatKey(s)]), (keys) => `Seat ${keys.split(", ")[0]} appears more than once.`));

  // The seat map draws each row label on one line and each line with one label.
  const yOfRow = new Map<string, Set<number>>();
  const rowOfY = new Map<number, Set<string>>();
  for (const s of seats) {
    yOfRow.set(s.rowLabel, (yOfRow.get(s.rowLabel) ?? new Set()).add(s.y));
    rowOfY.set(s.y, (rowOfY.get(s.y) ?? new Set()).add(s.rowLabel));
  }
  for (const [row, ys] of yOfRow) if (ys.size > 1) issues.push({ message: `Row ${row} is split over several lines.` });
  for (const [, rows] of rowOfY) if (rows.size > 1) issues.push({ message: `Rows ${[...rows].sort().join(" and ")} share one line.` });

  // Companion seats are sold with the wheelchair space beside them (the seat map enforces it).
  const at = new Map(seats.map((s) => [`${s.x},${s.y}`, s]));
  const lonely = seats.filter(
    (s) => s.kind === "companion" && ![-1, 1].some((dx) => at.get(`${s.x + dx},${s.y}`)?.kind === "wheelchair"),
  );
  if (lonely.length) issues.push({ message: "Each companion seat must sit right next to a wheelchair space.", seats: lonely.map(seatKey) });
  return issues;
}

function duplicates(pairs: [string, string][], message: (keys: string) => string): LayoutIssue[] {
  const seen = new Map<string, string[]>();
  for (const [key, label] of pairs) seen.set(key, [...(seen.get(key) ?? []), label]);
  return [...seen.values()].filter((labels) => labels.length > 1).map((labels) => ({ message: message(labels.join(", ")), seats: labels }));
}

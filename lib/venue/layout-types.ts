// The seat layout editor's data: what the client sends when it saves a screen's layout.
// Pure types and the zod schema (no I/O), shared by the editor, the diff and the action.
import { z } from "zod";
import { shortSeatLabel } from "@/lib/seat-map/format";

export const SEAT_KINDS = ["standard", "premium", "wheelchair", "companion"] as const;
export type SeatKind = (typeof SEAT_KINDS)[number];

export const LAYOUT_LIMITS = { maxWidth: 120, maxRows: 60, maxSeats: 6000, maxTiers: 6, maxSeatNumber: 999 } as const;

/** A seat as the editor holds it; `id` is absent for a seat added in this edit. */
export type DraftSeat = { id?: string; rowLabel: string; number: number; x: number; y: number; kind: SeatKind; tier: string };

export type LayoutDraft = { gridWidth: number; gridHeight: number; tiers: string[]; seats: DraftSeat[] };

/** A seat row as stored, retired ones (active = false) included. */
export type StoredSeat = Required<Pick<DraftSeat, "id">> & Omit<DraftSeat, "id"> & { active: boolean };

const tierName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,23}$/, "Tier names are lowercase letters, digits and dashes (e.g. premium).");

export const draftSeatSchema = z.object({
  id: z.uuid().optional(),
  rowLabel: z.string().trim().regex(/^[A-Z0-9]{1,3}$/, "Row labels are 1–3 capital letters or digits."),
  number: z.int().min(1).max(LAYOUT_LIMITS.maxSeatNumber),
  x: z.int().min(0).max(LAYOUT_LIMITS.maxWidth - 1),
  y: z.int().min(0).max(LAYOUT_LIMITS.maxRows - 1),
  kind: z.enum(SEAT_KINDS),
  tier: tierName,
});

export const layoutDraftSchema = z.object({
  gridWidth: z.int().min(1).max(LAYOUT_LIMITS.maxWidth),
  gridHeight: z.int().min(1).max(LAYOUT_LIMITS.maxRows),
  tiers: z.array(tierName).min(1, "A screen sells at least one tier.").max(LAYOUT_LIMITS.maxTiers),
  seats: z.array(draftSeatSchema).max(LAYOUT_LIMITS.maxSeats, `A screen has at most ${LAYOUT_LIMITS.maxSeats} seats.`),
});

export const saveLayoutSchema = layoutDraftSchema.extend({
  screenId: z.uuid(),
  /** The layout version the editor was opened on; a save over someone else's newer save is refused. */
  version: z.string().min(1).max(128),
});
export type SaveLayoutInput = z.infer<typeof saveLayoutSchema>;

/** "E5": how issues name a seat. */
export function seatKey(seat: Pick<DraftSeat, "rowLabel" | "number">): string {
  return shortSeatLabel({ row: seat.rowLabel, number: seat.number });
}

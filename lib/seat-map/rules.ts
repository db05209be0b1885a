// Cinema rules for a selection of seats, as pure functions the hold/checkout actions and the
// client map both call, so the customer sees the same verdict the server will give.
import { geometryOf, isAccessibleSpace, type SeatBlock, type SeatGeometry } from "./geometry";
import { describeSeats, joinWords, shortSeatLabel } from "./format";
import { blockHasCleanRun, newOrphans } from "./orphans";
import type { MapSeat } from "./types";

export type SelectionReason = "empty" | "unknown" | "unavailable" | "limit" | "companion" | "orphan";
export type SelectionProblem = { ok: false; reason: SelectionReason; message: string; seats?: string[] };
export type SelectionCheck = { ok: true } | SelectionProblem;

export type SelectionInput = {
  /** Every seat of the screen (the layout's seats array; its geometry is cached per array). */
  seats: readonly MapSeat[];
  /** Seats held or sold to other customers. */
  taken: Iterable<string>;
  /** The customer's seats. */
  selected: Iterable<string>;
  /** Most seats one order may have. */
  maxSeats: number;
};

export function checkLimit(count: number, maxSeats: number): SelectionCheck {
  if (count <= maxSeats) return { ok: true };
  return {
    ok: false,
    reason: "limit",
    message: `You can book up to ${maxSeats} ${maxSeats === 1 ? "seat" : "seats"} in one order.`,
  };
}

/**
 * A companion seat is for the person accompanying a wheelchair user, so a selection with a
 * companion seat must also have a wheelchair space (anywhere in the selection: venues seat the
 * companion next to the space, and the layout already puts them side by side).
 */
export function checkCompanion(selected: readonly MapSeat[]): SelectionCheck {
  const companions = selected.filter((s) => s.kind === "companion");
  if (companions.length === 0 || selected.some((s) => s.kind === "wheelchair")) return { ok: true };
  return {
    ok: false,
    reason: "companion",
    seats: companions.map((s) => s.id),
    message: `${companionIntro(companions)} Select a wheelchair space too, or choose another seat.`,
  };
}

function companionIntro(companions: readonly MapSeat[]): string {
  const one = companions.length === 1;
  return `${one ? "Seat" : "Seats"} ${describeSeats(companions)} ${one ? "is a companion seat" : "are companion seats"}: ${
    one ? "it" : "they"
  } can only be booked together with a wheelchair space, for someone accompanying a wheelchair user.`;
}

/** The orphan-seat rule (definitions in ./orphans.ts): fails only for avoidable orphans. */
export function checkOrphans(geometry: SeatGeometry, taken: ReadonlySet<string>, mine: ReadonlySet<string>): SelectionCheck {
  const blocks = new Set<SeatBlock>();
  let wheelchair = false;
  for (const id of mine) {
    const place = geometry.byId.get(id);
    if (!place) continue;
    blocks.add(place.block);
    if (place.seat.kind === "wheelchair") wheelchair = true;
  }
  const bookable = (s: MapSeat) => wheelchair || !isAccessibleSpace(s);
  const stranded: MapSeat[] = [];
  for (const block of blocks) {
    const orphans = newOrphans(block.seats, taken, mine);
    if (orphans.length === 0) continue;
    const inBlock = block.seats.filter((s) => mine.has(s.id));
    const needsWheelchair = inBlock.some((s) => s.kind === "wheelchair");
    if (blockHasCleanRun(block, inBlock.length, taken, bookable, needsWheelchair)) stranded.push(...orphans);
  }
  if (stranded.length === 0) return { ok: true };
  return { ok: false, reason: "orphan", seats: stranded.map((s) => s.id), message: orphanMessage(stranded) };
}

function orphanMessage(stranded: readonly MapSeat[]): string {
  const labels = joinWords(stranded.map(shortSeatLabel));
  if (stranded.length === 1) {
    return `That would leave seat ${labels} empty on its own. Choose seats next to it, or leave a gap of at least two seats.`;
  }
  return `That would leave seats ${labels} each empty on their own. Choose seats next to them, or leave gaps of at least two seats.`;
}

/** All rules at once, in the order a customer can act on them. */
export function validateSelection(input: SelectionInput): SelectionCheck {
  const geometry = geometryOf(input.seats);
  const taken = new Set(input.taken);
  const mine = new Set(input.selected);
  if (mine.size === 0) return { ok: false, reason: "empty", message: "Choose at least one seat." };

  const unknown = [...mine].filter((id) => !geometry.byId.has(id));
  if (unknown.length > 0) {
    return { ok: false, reason: "unknown", seats: unknown, message: "Some of those seats are not on this screen. Please reload the seat map." };
  }
  const chosen = [...mine].map((id) => geometry.byId.get(id)!.seat);
  const gone = chosen.filter((s) => taken.has(s.id));
  if (gone.length > 0) {
    return {
      ok: false,
      reason: "unavailable",
      seats: gone.map((s) => s.id),
      message: `${gone.length === 1 ? "Seat" : "Seats"} ${describeSeats(gone)} ${gone.length === 1 ? "is" : "are"} no longer available. Please choose another seat.`,
    };
  }
  const limit = checkLimit(mine.size, input.maxSeats);
  if (!limit.ok) return limit;
  const companion = checkCompanion(chosen);
  if (!companion.ok) return companion;
  return checkOrphans(geometry, taken, mine);
}

export type ToggleCheck =
  | {
      ok: true;
      action: "select" | "release";
      /** The selection after the toggle. */
      next: string[];
      /** A rule the new selection breaks that the customer can still fix by choosing more seats. */
      warning?: SelectionProblem;
    }
  | SelectionProblem;

/**
 * One tap on the map. The limit and companion rules refuse the tap outright (no later tap can fix
 * them). The orphan rule only warns: customers pick seats one at a time, so a party of two that
 * taps F2 before F1 passes through a selection that strands F1. Refusing that tap would punish
 * the order of clicks, so the tap goes through, the warning is shown, and checkout waits until
 * the final selection passes `validateSelection`. Releasing a seat is never refused.
 */
export function checkToggle(input: SelectionInput & { seatId: string }): ToggleCheck {
  const geometry = geometryOf(input.seats);
  const place = geometry.byId.get(input.seatId);
  if (!place) return { ok: false, reason: "unknown", message: "That seat is not on this screen. Please reload the seat map." };
  const mine = new Set(input.selected);
  const taken = new Set(input.taken);
  const seat = place.seat;

  let action: "select" | "release";
  if (mine.has(seat.id)) {
    action = "release";
    mine.delete(seat.id);
  } else {
    if (taken.has(seat.id)) {
      return {
        ok: false,
        reason: "unavailable",
        seats: [seat.id],
        message: `Seat ${shortSeatLabel(seat)} is already taken. Please choose another seat.`,
      };
    }
    const limit = checkLimit(mine.size + 1, input.maxSeats);
    if (!limit.ok) return limit;
    action = "select";
    mine.add(seat.id);
    const chosen = [...mine].flatMap((id) => geometry.byId.get(id)?.seat ?? []);
    if (seat.kind === "companion") {
      const companion = checkCompanion(chosen);
      if (!companion.ok) {
        return { ...companion, seats: [seat.id], message: `${companionIntro([seat])} Select the wheelchair space first, then this seat.` };
      }
    }
  }
  const next = [...mine];
  if (next.length === 0) return { ok: true, action, next };
  const verdict = validateSelection({ ...input, selected: next });
  return verdict.ok ? { ok: true, action, next } : { ok: true, action, next, warning: verdict };
}

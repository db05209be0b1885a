// Words and numbers the seat map shows or announces. Pure; shared by messages and the client.
import type { MapSeat, SeatKind, SeatState } from "./types";

/** "Row F, seat 7": what screen readers and tooltips say. */
export function seatLabel(seat: Pick<MapSeat, "row" | "number">): string {
  return `Row ${seat.row}, seat ${seat.number}`;
}

/** "F7": the compact form used in lists and messages. */
export function shortSeatLabel(seat: Pick<MapSeat, "row" | "number">): string {
  return `${seat.row}${seat.number}`;
}

/** "F7", "F7 and F8", "F7, F8 and G2". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Seats in reading order ("F7, F8 and G2"), consecutive numbers in a row folded into "F7–F9". */
export function describeSeats(seats: readonly Pick<MapSeat, "row" | "number">[]): string {
  const byRow = new Map<string, number[]>();
  for (const s of seats) byRow.set(s.row, [...(byRow.get(s.row) ?? []), s.number]);
  const parts: string[] = [];
  for (const [row, numbers] of byRow) {
    numbers.sort((a, b) => a - b);
    let start = numbers[0];
    for (let i = 1; i <= numbers.length; i++) {
      if (i < numbers.length && numbers[i] === numbers[i - 1] + 1) continue;
      const end = numbers[i - 1];
      if (end === start) parts.push(`${row}${start}`);
      else if (end === start + 1) parts.push(`${row}${start}`, `${row}${end}`);
      else parts.push(`${row}${start}–${row}${end}`);
      start = numbers[i];
    }
  }
  return joinWords(parts);
}

/** Formats an amount in minor units as "$14.00": the one money format (lib/money). */
export { formatMoney as formatPrice } from "@/lib/money";

const kindWords: Record<SeatKind, string> = {
  standard: "standard",
  premium: "premium",
  wheelchair: "wheelchair space",
  companion: "companion seat",
};

export function kindWord(kind: SeatKind): string {
  return kindWords[kind];
}

/** What kind of seat this is, in words: "premium", "wheelchair space, standard". */
export function seatDescription(seat: Pick<MapSeat, "kind" | "tier">): string {
  if (seat.kind === "standard" || seat.kind === seat.tier) return seat.tier;
  return `${kindWords[seat.kind]}, ${seat.tier}`;
}

const stateWords: Record<SeatState | "available", string> = {
  available: "available",
  held: "held by another customer",
  sold: "sold",
  mine: "selected by you",
};

export function stateWord(state: SeatState | undefined): string {
  return stateWords[state ?? "available"];
}

/** "Row F, seat 7, premium, $14.00, available": the accessible name of a seat on the map. */
/** A tier's price text, from the map's tier → price text table; a tier the show does not sell says so. */
export function priceTextOf(priceTexts: ReadonlyMap<string, string>, tier: string): string {
  return priceTexts.get(tier) ?? "not on sale";
}

export function seatAriaLabel(seat: MapSeat, priceText: string, state: SeatState | undefined): string {
  return `${seatLabel(seat)}, ${seatDescription(seat)}, ${priceText}, ${stateWord(state)}`;
}

/** "09:05" for a countdown; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

"use client";
import { useState } from "react";
import { countdownAnnouncement, countdownMark, selectionAnnouncement } from "@/lib/seat-map/announcements";
import type { SeatGeometry } from "@/lib/seat-map/geometry";

type Props = {
  /** The selection when the map opened (comma-joined ids): the first change is told against it. */
  from: string;
  /** The selection now, in order. */
  mine: readonly string[];
  /** A hold or release is still waiting for the server: nothing is told until it answers. */
  busy: boolean;
  remainingMs: number | null;
  geometry: SeatGeometry;
  totalText: string;
};

/**
 * The text of the map's visually hidden live region: each confirmed change of the selection
 * ("M13 added — 2 seats, $48.00") and the hold as it crosses 5 and 2 minutes left (the last
 * minute has its visible warning). Worked out while rendering, from what was last told (React's
 * "adjust state when a prop changes"). Loaded with the customer's first change, so a map nobody
 * has touched ships none of it.
 */
export function SeatAnnouncer({ from, mine, busy, remainingMs, geometry, totalText }: Props) {
  const mineKey = mine.join(",");
  const mark = countdownMark(remainingMs);
  const [heard, setHeard] = useState<{ mine: string; mark: number | null; text: string }>({ mine: from, mark: null, text: "" });
  if (!busy && heard.mine !== mineKey) {
    const before = new Set(heard.mine.split(",").filter(Boolean));
    const now = new Set(mine);
    const seatOf = (id: string) => geometry.byId.get(id)?.seat ?? [];
    const text = selectionAnnouncement(
      mine.filter((id) => !before.has(id)).flatMap(seatOf),
      [...before].filter((id) => !now.has(id)).flatMap(seatOf),
      mine.length,
      totalText,
    );
    setHeard({ mine: mineKey, mark: heard.mark, text: text ?? heard.text });
  } else if (mark !== heard.mark) {
    // Told as the countdown crosses the mark (it ticks every second), not when a page opens well inside it.
    const crossed = mark !== null && remainingMs !== null && remainingMs > mark * 60_000 - 2_000;
    setHeard({ ...heard, mark, text: crossed ? countdownAnnouncement(mark) : heard.text });
  }
  return heard.text;
}

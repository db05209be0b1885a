"use client";
import { useCallback, useRef } from "react";
import { SeatMap } from "@/components/seat-map";
import type { ActionResult } from "@/lib/errors";
import type { HoldInput, HoldOutput, MapLayout, SeatSnapshot } from "@/lib/seat-map/types";
import { continueArenaAction, holdArenaSeatsAction, releaseArenaSeatsAction, type ArenaHoldAnswer } from "./actions";

/**
 * The real SeatMap on the 5,000-seat arena. The hold and release props wrap the arena's own
 * server actions and keep the customer's seats here, answering with the whole set the way the
 * real actions do (the map treats `mine` as the truth). The arena is no show the server knows, so
 * the map does not poll for other customers.
 */
export function ArenaSeatMap({ layout, initial, maxSeats, legend }: { layout: MapLayout; initial: SeatSnapshot; maxSeats: number; legend: React.ReactNode }) {
  const mine = useRef(new Set<string>());

  const answer = useCallback((result: ArenaHoldAnswer): ActionResult<HoldOutput> => {
    if (!result.ok) return result;
    const seats = [...mine.current];
    return { ok: true, data: { mine: seats, expiresAt: seats.length > 0 ? result.data.expiresAt : null } };
  }, []);

  const hold = useCallback(
    async (input: HoldInput) => {
      const result = await holdArenaSeatsAction(input);
      if (result.ok) for (const id of input.seatIds) mine.current.add(id);
      return answer(result);
    },
    [answer],
  );

  const release = useCallback(
    async (input: HoldInput) => {
      const result = await releaseArenaSeatsAction(input);
      if (result.ok) for (const id of input.seatIds) mine.current.delete(id);
      return answer(result);
    },
    [answer],
  );

  return <SeatMap layout={layout} initial={initial} maxSeats={maxSeats} hold={hold} release={release} checkout={continueArenaAction} live={false} legend={legend} />;
}

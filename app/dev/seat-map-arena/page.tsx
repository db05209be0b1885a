import { notFound } from "next/navigation";
import { connection } from "next/server";
import { demoMode } from "@/lib/env";
import { arenaLayout } from "@/lib/seat-map/layout-plan";
import type { SeatSnapshot, SeatState } from "@/lib/seat-map/types";
import { SeatLegend } from "@/components/seat-map/seat-legend";
import { ArenaSeatMap } from "./arena-seat-map";

// The seat map's benchmark arena (`npm run bench:seatmap`): the real SeatMap drawing the
// 5,000-seat `arenaLayout(50, 100)` with about a third of the house already taken. Demo and
// development only. Arena seats are not a show in the database, so the map runs without its live
// poll (which would find no such show); the benchmark measures drawing alone.

export const metadata = { title: "Seat-map arena (5,000 seats)" };

const ARENA_SHOW_ID = "arena";

/** A fixed, irregular mix of sold and held seats, the same on every load. */
function arenaSnapshot(seatIds: readonly string[]): SeatSnapshot {
  const states: Record<string, SeatState> = {};
  let seed = 0x9e3779b9;
  for (const id of seatIds) {
    seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    const roll = seed % 100;
    if (roll < 22) states[id] = "sold";
    else if (roll < 32) states[id] = "held";
  }
  return { states, holdExpiresAt: null };
}

export default async function SeatMapArenaPage({ searchParams }: { searchParams: Promise<{ continued?: string }> }) {
  await connection();
  if (!demoMode()) notFound();
  const { continued } = await searchParams;
  const layout = arenaLayout(50, 100, { showId: ARENA_SHOW_ID, screenName: "Arena" });
  const initial = arenaSnapshot(layout.seats.map((s) => s.id));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Seat-map arena</h1>
        <p className="text-sm text-zinc-300">
          {layout.seats.length.toLocaleString("en-US")} seats for the seat-map benchmark. Holds here are the arena&apos;s own and reserve nothing.
        </p>
      </div>
      {continued && (
        <p role="status" className="rounded-lg border border-line bg-panel p-3">
          Continue worked. The arena has no checkout.
        </p>
      )}
      <ArenaSeatMap layout={layout} initial={initial} maxSeats={10} legend={<SeatLegend layout={layout} />} />
    </div>
  );
}

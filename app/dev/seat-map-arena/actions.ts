"use server";
import { notFound, redirect } from "next/navigation";
import { demoMode } from "@/lib/env";
import type { ActionResult } from "@/lib/errors";
import type { HoldInput } from "@/lib/seat-map/types";

// The arena's own stand-ins for the hold actions. Arena seats are not in the database, so the
// real actions would refuse them; these answer "ok" after a real server round trip and touch no
// lock store. Which seats are the customer's is kept by the page (arena-seat-map.tsx).

const ARENA_HOLD_MS = 10 * 60_000;

export type ArenaHoldAnswer = ActionResult<{ expiresAt: number }>;

function allowed(input: HoldInput): boolean {
  return demoMode() && typeof input?.showId === "string" && Array.isArray(input.seatIds);
}

export async function holdArenaSeatsAction(input: HoldInput): Promise<ArenaHoldAnswer> {
  if (!allowed(input)) return { ok: false, code: "not_found", message: "The seat-map arena is only available in demo mode." };
  return { ok: true, data: { expiresAt: Date.now() + ARENA_HOLD_MS } };
}

export async function releaseArenaSeatsAction(input: HoldInput): Promise<ArenaHoldAnswer> {
  if (!allowed(input)) return { ok: false, code: "not_found", message: "The seat-map arena is only available in demo mode." };
  return { ok: true, data: { expiresAt: Date.now() + ARENA_HOLD_MS } };
}

/** Continue on the arena goes nowhere real: back to the arena, saying so. */
export async function continueArenaAction(): Promise<void> {
  if (!demoMode()) notFound();
  redirect("/dev/seat-map-arena?continued=1");
}

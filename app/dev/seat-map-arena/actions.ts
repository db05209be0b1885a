"use server";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { demoMode } from "@/lib/env";
import { AppError, type ActionResult } from "@/lib/errors";
import { asFormAction, defineAction } from "@/lib/handlers/define-action";

// The arena's own stand-ins for the hold actions. Arena seats are not in the database, so the
// real actions would refuse them; these answer "ok" after a real server round trip and touch no
// lock store. Which seats are the customer's is kept by the page (arena-seat-map.tsx).

const ARENA_HOLD_MS = 10 * 60_000;

export type ArenaHoldAnswer = ActionResult<{ expiresAt: number }>;

const arenaInput = z.object({ showId: z.string().max(100), seatIds: z.array(z.string().max(100)).max(5000) });

async function answerArena(): Promise<{ expiresAt: number }> {
  if (!demoMode()) throw new AppError("not_found", "The seat-map arena is only available in demo mode.");
  return { expiresAt: Date.now() + ARENA_HOLD_MS };
}

export const holdArenaSeatsAction = defineAction(arenaInput, { name: "arena-hold", auth: "public" }, answerArena);

export const releaseArenaSeatsAction = defineAction(arenaInput, { name: "arena-release", auth: "public" }, answerArena);

/** Continue on the arena goes nowhere real: back to the arena, saying so. */
export const continueArenaAction = asFormAction(defineAction(z.unknown(), { name: "arena-continue", auth: "public" }, async () => {
  if (!demoMode()) notFound();
  redirect("/dev/seat-map-arena?continued=1");
}));

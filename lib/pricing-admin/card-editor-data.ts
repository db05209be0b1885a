import "server-only";
import type { Db } from "@/db/client";
import { ticketTypesOfTheater } from "@/db/queries/pricing";
import { screensOfTheater } from "@/db/queries/pricing-admin";

/** What the card editor offers: the tiers on sale (with the screens selling each), live types, screen formats. */
export async function cardEditorData(db: Db, theaterId: string) {
  const [screenRows, types] = await Promise.all([screensOfTheater(db, theaterId), ticketTypesOfTheater(db, theaterId)]);
  const tiers = new Map<string, string[]>();
  for (const s of screenRows) for (const tier of s.tiers) tiers.set(tier, [...(tiers.get(tier) ?? []), s.name]);
  return {
    tiers: [...tiers].map(([tier, screens]) => ({ tier, screens })),
    types: types.map((t) => ({ id: t.id, name: t.name })),
    formats: [...new Set(screenRows.map((s) => s.format))].sort(),
  };
}

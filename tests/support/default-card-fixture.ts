import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertDefaultTicketTypes, insertPriceCard, priceCardsOfTheater, ticketTypesOfTheater } from "@/db/queries/pricing";
import { screens, theaters } from "@/db/schema";

/**
 * The seeded theater with its ticket types and a default card pricing every tier any screen
 * sells (Adult 12.00, Child 9.00), made here when the seed has none, so scheduling works.
 */
export async function theaterWithDefaultCard(db: Db) {
  const [theater] = await db.select().from(theaters).orderBy(asc(theaters.createdAt)).limit(1);
  let types = await ticketTypesOfTheater(db, theater.id);
  if (types.length === 0) types = await insertDefaultTicketTypes(db, theater.id);
  const byName = (name: string) => types.find((t) => t.name === name)!;
  const screenTiers = (await db.select({ tiers: screens.tiers }).from(screens).where(eq(screens.theaterId, theater.id))).flatMap((s) => s.tiers);
  const tiers = [...new Set(["standard", "premium", ...screenTiers])];
  let cards = await priceCardsOfTheater(db, theater.id);
  if (!cards.some((c) => c.isDefault)) {
    const prices = Object.fromEntries(tiers.map((tier) => [tier, { [byName("Adult").id]: 1200, [byName("Child").id]: 900 }]));
    await insertPriceCard(db, { theaterId: theater.id, name: "Standard", priority: 0, isDefault: true, daysOfWeek: null, dayPartFromMinute: null, dayPartUntilMinute: null, formats: null, validFrom: null, validUntil: null, prices });
    cards = await priceCardsOfTheater(db, theater.id);
  }
  return { theater, types, byName, tiers, defaultCard: cards.find((c) => c.isDefault)! };
}

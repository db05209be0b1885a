import "server-only";
import { getDb } from "@/db/client";
import { theaterOfOrder, theaterOfPriceCard, theaterOfPromoCode, theaterOfScreen, theaterOfShow, theaterOfTicketType } from "@/db/queries/theater-scope";
import { assertManagesTheater } from "@/lib/auth/theater-scope";
import type { AdminActor } from "@/lib/auth/session-user";

// What an admin action or route asks for, checked against the caller's theaters (issue 19) before
// anything is read or changed. The check lives here, called by each action and route of app/admin
// and app/api/admin, and not in the lib functions they call: those are shared with the customer
// side and the background jobs (holdSeats, cancelSeats, refundBooking…), which have no theater
// scope. Outside the scope reads exactly like "no such thing" (404): lib/auth/theater-scope.ts.

const RESOLVERS = {
  theater: { of: async (_db: unknown, id: string) => id, what: "That theater" },
  screen: { of: theaterOfScreen, what: "That screen" },
  show: { of: theaterOfShow, what: "That show" },
  order: { of: theaterOfOrder, what: "That booking" },
  ticketType: { of: theaterOfTicketType, what: "That ticket type" },
  priceCard: { of: theaterOfPriceCard, what: "That price card" },
  promoCode: { of: theaterOfPromoCode, what: "That promo code" },
} as const;

export type ScopedThing = keyof typeof RESOLVERS;

/**
 * Refuses (not_found) unless the actor manages the theater the thing belongs to, and answers that
 * theater's id. A chain admin passes without a lookup: an id that does not exist is then left to
 * the function called next, which answers it as it always has (a field error, a 404).
 */
export async function assertInScope(actor: AdminActor, thing: ScopedThing, id: string): Promise<void> {
  if (actor.scope.all) return;
  const { of, what } = RESOLVERS[thing];
  assertManagesTheater(actor, await of(await getDb(), id), what);
}

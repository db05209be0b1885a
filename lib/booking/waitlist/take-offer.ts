import "server-only";
import type { Db } from "@/db/client";
import { closeOpenOffer, offerById, setOfferOrder } from "@/db/queries/waitlist";
import { AppError } from "@/lib/errors";
import { getSeatLocks } from "@/lib/seat-locks";
import { heldBy, holdWindowMs } from "../holds";
import { startCheckout, type Customer } from "../start-checkout";
import { endOffer } from "./offer-seats";

/** The offer, if it is this customer's; "not found" otherwise, whoever asks. */
async function ownOffer(db: Db, offerId: string, userId: string) {
  const found = await offerById(db, offerId);
  if (!found || found.userId !== userId) throw new AppError("not_found", "That offer does not exist.");
  return found.offer;
}

/**
 * The waiting customer takes the seats held for them (issue 21): the hold passes from the offer's
 * holder to the customer's own, and checkout starts on exactly those seats (start-checkout.ts,
 * the one way in). The offer is marked taken first, with a conditional update, so a double click
 * or the sweep expiring it at the same moment cannot both win.
 */
export async function takeOffer(db: Db, offerId: string, customer: Customer & { userId: string }, baseUrl: string, now = new Date()): Promise<{ orderId: string; url: string }> {
  const offer = await ownOffer(db, offerId, customer.userId);
  if (offer.status !== "open" || offer.expiresAt <= now) throw new AppError("gone", "This offer has ended, and the seats have gone to the next person waiting.");
  const others = (await heldBy(db, offer.showId, customer.holder)).filter((id) => !offer.seatIds.includes(id));
  if (others.length) await getSeatLocks().release(offer.showId, others, customer.holder);
  if (!(await closeOpenOffer(db, offerId, "taken", now))) throw new AppError("gone", "This offer has just ended.");
  const store = getSeatLocks();
  await store.release(offer.showId, offer.seatIds, offer.holderId);
  const held = await store.hold(offer.showId, offer.seatIds, customer.holder, holdWindowMs());
  if (!held.ok) throw new AppError("conflict", "Sorry, those seats were taken at the last moment. You can join the waitlist again.");
  const checkout = await startCheckout(db, offer.showId, customer, baseUrl, { now });
  await setOfferOrder(db, offerId, checkout.orderId);
  return checkout;
}

/** The customer does not want the seats: they go to the next party that fits, then on sale. */
export async function declineOffer(db: Db, offerId: string, userId: string, now = new Date()): Promise<{ result: "declined" | "ended" }> {
  await ownOffer(db, offerId, userId);
  return { result: (await endOffer(db, offerId, "declined", now)) ? "declined" : "ended" };
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { orders, shows } from "@/db/schema";
import { seatAvailability } from "@/lib/api/seats";
import { holdSeats } from "@/lib/booking/holds";
import { showChanged } from "@/lib/booking/show-facts";
import { startCheckout } from "@/lib/booking/start-checkout";
import { getSeatLocks } from "@/lib/seat-locks";
import { bookingWorld } from "../support/booking-fixture";
import { refusal } from "../support/refusal";

// "A tier with no price is not on sale", judged in one place (lib/booking/on-sale.ts): the seat
// cannot be held, the JSON API shows it as not on sale, and checkout refuses it with the same words.

let world: Awaited<ReturnType<typeof bookingWorld>>;
beforeAll(async () => {
  world = await bookingWorld();
});
afterAll(async () => {
  await world?.close();
});

const MESSAGE = "Seats in the standard tier are not on sale for this show.";

describe("a seat whose tier has no price", () => {
  it("cannot be held, reads as not on sale in the API, and is refused at checkout with the same message", async () => {
    const { show, seat } = await world.aShow(3);
    const buyer = await world.customer("unpriced");
    // Held while the tier was on sale; then the price is taken off the show.
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("A", 1).id, seat("A", 2).id] }, buyer.holder);
    await world.db.update(shows).set({ prices: {} }).where(eq(shows.id, show.id));
    // Whatever changes a show tells the show facts a hold reads (lib/booking/show-facts.ts).
    await showChanged(world.db, show.id);

    const other = await world.customer("late");
    const hold = await refusal(holdSeats(world.db, { showId: show.id, seatIds: [seat("B", 1).id, seat("B", 2).id] }, other.holder));
    expect(hold).toMatchObject({ code: "conflict", message: MESSAGE });
    expect(await getSeatLocks().heldBy(show.id, other.holder)).toEqual([]);

    const api = await seatAvailability(world.db, show.id, null);
    const listed = api.seats.find((s) => s.id === seat("B", 1).id)!;
    expect(listed).toMatchObject({ price: null, onSale: false });
    expect(api.seats.every((s) => s.price === null && !s.onSale)).toBe(true);

    const checkout = await refusal(startCheckout(world.db, show.id, buyer, "http://localhost:3999"));
    expect(checkout).toMatchObject({ code: "conflict", message: MESSAGE });
    expect(await world.db.select().from(orders).where(eq(orders.holderId, buyer.holder))).toEqual([]);
  });
});

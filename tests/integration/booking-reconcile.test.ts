import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { emailOutbox, orders, tickets } from "@/db/schema";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { reconcileOrders } from "@/lib/booking/reconcile";
import { bookingWorld } from "../support/booking-fixture";

let world: Awaited<ReturnType<typeof bookingWorld>>;
beforeAll(async () => {
  world = await bookingWorld();
});
afterAll(async () => {
  await world?.close();
});

async function pendingOrder(row: string, n: number) {
  const { show, seat } = await world.aShow(4);
  const customer = await world.customer("lost");
  await holdSeats(world.db, { showId: show.id, seatIds: [seat(row, n).id] }, customer.holder);
  const { orderId } = await startCheckout(world.db, show.id, customer, "http://localhost:3999");
  return (await world.db.select().from(orders).where(eq(orders.id, orderId)))[0];
}

describe("reconciliation, when no webhook arrives", () => {
  it("pays an order Stripe reports paid, with its tickets and email, and expires one Stripe expired", async () => {
    const paid = await pendingOrder("C", 3);
    const expired = await pendingOrder("C", 9);
    world.stripe.complete(paid.stripeSessionId!);
    world.stripe.expire(expired.stripeSessionId!);
    // Nothing happens before the checkout window has passed: the customer may still be paying.
    await reconcileOrders(world.db, new Date());
    expect((await world.db.select().from(orders).where(eq(orders.id, paid.id)))[0].status).toBe("pending");

    const later = new Date(Date.now() + 40 * 60_000);
    const report = await reconcileOrders(world.db, later);
    // Exactly the two orders, both settled: a failed attempt is reported as failed, not synced.
    expect(report).toMatchObject({ synced: 2, failed: 0, awaitingPayment: 0 });
    expect((await world.db.select().from(orders).where(eq(orders.id, paid.id)))[0].status).toBe("paid");
    expect(await world.db.select().from(tickets).where(eq(tickets.orderId, paid.id))).toHaveLength(1);
    expect(await world.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `booking-confirmed:${paid.id}`))).toHaveLength(1);
    expect((await world.db.select().from(orders).where(eq(orders.id, expired.id)))[0].status).toBe("expired");
  });

  it("takes the oldest stale orders first and reports a provider failure as failed, not synced", async () => {
    const older = await pendingOrder("D", 3);
    const newer = await pendingOrder("D", 9);
    await world.db.update(orders).set({ expiresAt: new Date(Date.now() - 60 * 60_000) }).where(eq(orders.id, older.id));
    await world.db.update(orders).set({ expiresAt: new Date(Date.now() - 30 * 60_000) }).where(eq(orders.id, newer.id));
    world.stripe.complete(older.stripeSessionId!);
    world.stripe.complete(newer.stripeSessionId!);

    world.stripe.failNext(1);
    expect(await reconcileOrders(world.db, new Date(), 1)).toMatchObject({ synced: 0, failed: 1 });
    expect((await world.db.select().from(orders).where(eq(orders.id, older.id)))[0].status).toBe("pending");

    expect(await reconcileOrders(world.db, new Date(), 1)).toMatchObject({ synced: 1, failed: 0 });
    expect((await world.db.select().from(orders).where(eq(orders.id, older.id)))[0].status).toBe("paid");
    expect((await world.db.select().from(orders).where(eq(orders.id, newer.id)))[0].status).toBe("pending");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/client";
import { orders, promoCodes, promoRedemptions, screens, seats, shows } from "@/db/schema";
import { insertPromoCode } from "@/db/queries/pricing";
import { holdSeats } from "@/lib/booking/holds";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { startCheckout } from "@/lib/booking/start-checkout";
import { AppError } from "@/lib/errors";
import { bookingWorld } from "../support/booking-fixture";

// The promo-code race (issue 18): a code limited to 10 uses, 100 customers checking out with it
// at once. On Postgres the checkouts run through two connection pools (as two app instances
// would) on one database; each counts its use with a conditional UPDATE in its own transaction.

let world: Awaited<ReturnType<typeof bookingWorld>>;
let second: Database | null = null;
beforeAll(async () => {
  world = await bookingWorld();
  if (world.databaseUrl) second = await openDatabase({ url: world.databaseUrl });
});
afterAll(async () => {
  await second?.close();
  await world?.close();
});

describe(`a 10-use code under 100 concurrent checkouts (${process.env.DATABASE_URL ? "postgres, two pools" : "pglite"})`, () => {
  it("gives exactly 10 discounted paid orders; the other 90 are refused with a clear message and leave nothing", async () => {
    const [{ show }] = await world.db
      .select({ show: shows })
      .from(shows)
      .innerJoin(screens, eq(screens.id, shows.screenId))
      .where(and(eq(screens.name, "Grand (Large Format)"), gt(shows.startsAt, new Date(Date.now() + 3 * 3600_000))))
      .orderBy(asc(shows.startsAt))
      .limit(1);
    const [screen] = await world.db.select().from(screens).where(eq(screens.id, show.screenId));
    const codeId = await insertPromoCode(world.db, {
      theaterId: screen.theaterId, code: "TENONLY", kind: "percent", amount: 20, appliesTo: "order",
      validFrom: null, validUntil: null, movieIds: null, showIds: null, daysOfWeek: null, ticketTypeIds: null, maxRedemptions: 10, perCustomerLimit: null,
    });
    // Rows A–D filled from the left, one seat each: no customer strands a single seat.
    const seatRows = (await world.db.select().from(seats).where(eq(seats.screenId, show.screenId)).orderBy(asc(seats.y), asc(seats.x))).filter((s) => "ABCD".includes(s.rowLabel));
    const customers = await Promise.all(Array.from({ length: 100 }, (_, i) => world.customer(`racer${i}`)));
    for (let i = 0; i < 100; i++) await holdSeats(world.db, { showId: show.id, seatIds: [seatRows[i].id] }, customers[i].holder);

    const results = await Promise.allSettled(
      customers.map((c, i) => startCheckout(i % 2 && second ? second.db : world.db, show.id, c, "http://localhost:3999", { promoCode: "ten only" })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(90);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).message).toMatch(/TENONLY has (just )?been used up/);
    }
    const pending = await world.db.select().from(orders).where(and(eq(orders.showId, show.id), isNotNull(orders.promoCodeId)));
    expect(pending).toHaveLength(10);

    for (const order of pending) {
      world.stripe.complete(order.stripeSessionId!);
      expect(await syncOrderWithSession(world.db, order.stripeSessionId!)).toBe("paid");
    }
    const paid = await world.db.select().from(orders).where(and(eq(orders.showId, show.id), eq(orders.status, "paid")));
    expect(paid).toHaveLength(10);
    for (const o of paid) expect(o.discountAmount).toBe(Math.round(show.prices.standard * 0.2));
    const [code] = await world.db.select().from(promoCodes).where(eq(promoCodes.id, codeId));
    expect(code.redemptions).toBe(10);
    expect(await world.db.select().from(promoRedemptions).where(and(eq(promoRedemptions.promoCodeId, codeId), eq(promoRedemptions.status, "used")))).toHaveLength(10);
    // Every session opened for a refused checkout was expired, so none can be paid.
    const open = [...world.stripe.sessions.values()].filter((s) => s.status === "open");
    expect(open).toHaveLength(0);
  });
});

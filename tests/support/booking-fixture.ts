import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orders, screens, seats, shows, users } from "@/db/schema";
import type { AdminActor } from "@/lib/auth/session-user";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { resetEnvForTests } from "@/lib/env";
import { setStripeForTests } from "@/lib/payments/stripe-client";
import { setSeatLocksForTests } from "@/lib/seat-locks";
import { createTestDatabase } from "./test-db";
import { startStripeFake, type StripeFake } from "./stripe-fake";

export const WEBHOOK_SECRET = "whsec_test_marquee_booking";

/**
 * A world for booking tests: a seeded database of its own (Postgres when DATABASE_URL is set),
 * the lock store the environment selects (real Redis when REDIS_URL is set), and the Stripe SDK
 * talking to the Stripe fake. Nothing here imitates our own code.
 */
export async function bookingWorld() {
  const stripe: StripeFake = await startStripeFake({ apiKey: "sk_test_marquee" });
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_marquee",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: stripe.url,
    TICKET_SIGNING_SECRET: "test-ticket-secret-0123456789abcdef0123",
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "marquee-")),
    APP_URL: "http://localhost:3999",
  });
  resetEnvForTests();
  setStripeForTests(stripe.client());
  setSeatLocksForTests(undefined);
  const database = await createTestDatabase({ seed: true });
  const db = database.db;

  async function customer(name: string) {
    const email = `${name}-${crypto.randomUUID().slice(0, 6)}@example.com`;
    const [user] = await db.insert(users).values({ email, name }).returning();
    return { holder: crypto.randomUUID().replace(/-/g, ""), userId: user.id, email };
  }

  /** A future show on the 120-seat Screen 1, with its seats in row/seat order. */
  async function aShow(offset = 0) {
    const rows = await db
      .select({ show: shows })
      .from(shows)
      .innerJoin(screens, eq(screens.id, shows.screenId))
      .where(and(eq(screens.name, "Screen 1"), gt(shows.startsAt, new Date(Date.now() + 3 * 3600_000))))
      .orderBy(asc(shows.startsAt))
      .offset(offset)
      .limit(1);
    const show = rows[0].show;
    const seatRows = await db.select().from(seats).where(eq(seats.screenId, show.screenId)).orderBy(asc(seats.y), asc(seats.x));
    const seat = (row: string, n: number) => seatRows.find((s) => s.rowLabel === row && s.number === n)!;
    return { show, seats: seatRows, seat };
  }

  /** Buys seats as a new customer: hold, checkout, pay on the Stripe fake, fulfil. */
  async function buy(showId: string, seatIds: string[]) {
    const buyer = await customer("buyer");
    await holdSeats(db, { showId, seatIds }, buyer.holder);
    const { orderId } = await startCheckout(db, showId, buyer, "http://localhost:3999");
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
    stripe.complete(order.stripeSessionId!);
    await syncOrderWithSession(db, order.stripeSessionId!);
    return { orderId, email: buyer.email };
  }

  /** A user with the admin role, as the admin actions see one. */
  async function admin(email: string): Promise<AdminActor> {
    const [user] = await db.insert(users).values({ email, role: "admin" }).returning();
    return { id: user.id, email: user.email!, name: null, role: "admin", scope: { all: true } } as const;
  }

  return {
    db: db as Db,
    /** The URL of this world's database, for child processes (a fresh Postgres database, or null on PGlite). */
    databaseUrl: process.env.DATABASE_URL ? Object.assign(new URL(process.env.DATABASE_URL), { pathname: `/${database.name}` }).toString() : null,
    stripe,
    customer,
    aShow,
    buy,
    admin,
    async close() {
      await database.close();
      await stripe.close();
      setStripeForTests(undefined);
    },
  };
}

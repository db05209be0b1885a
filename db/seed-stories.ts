import { and, asc, eq, gt } from "drizzle-orm";
import type { Tx } from "./client";
import { emailOutbox, localCheckoutSessions, orderSeats, orders, screens, seats, shows, tickets, users, waitlistEntries } from "./schema";

// Demo only (SEED_DEMO, never tests or production): the two stories of issue 21's "done when",
// ready to play on `npm run demo`. Sign in (magic link, /dev/outbox) as
// - swap@marquee.test: a paid booking of 2 seats in Screen 1; "Change showtime" lists later shows
//   of the same movie, some in dearer screens, so the swap asks for the difference at the local
//   checkout;
// - cancel@marquee.test: a paid booking of 3 adjacent seats in a sold-out show on which
//   party@marquee.test waits for 3 seats together. Cancelling it (or refunding it as an admin)
//   holds those three seats for the party and emails the offer (see /dev/outbox).
// Paid orders come with what a real payment leaves: the local gateway's paid session (so refunds
// work), live tickets, and a sent confirmation (so `check:invariants` holds on the demo database).

export const STORY_EMAILS = { swap: "swap@marquee.test", cancel: "cancel@marquee.test", party: "party@marquee.test", house: "full-house@marquee.test" } as const;

export async function seedStories(tx: Tx, now: Date): Promise<void> {
  const [swapUser, cancelUser, partyUser, houseUser] = await tx
    .insert(users)
    .values([
      { email: STORY_EMAILS.swap, name: "Sam Swap" },
      { email: STORY_EMAILS.cancel, name: "Cass Cancel" },
      { email: STORY_EMAILS.party, name: "Pat Party" },
      { email: STORY_EMAILS.house, name: "Full House Group" },
    ])
    .returning();

  const screenOne = (await tx.select().from(screens).where(eq(screens.name, "Screen 1")))[0];
  const screenSeats = await tx.select().from(seats).where(eq(seats.screenId, screenOne.id)).orderBy(asc(seats.y), asc(seats.x));
  const seat = (row: string, n: number) => screenSeats.find((s) => s.rowLabel === row && s.number === n)!;
  const upcoming = await tx
    .select()
    .from(shows)
    .where(and(eq(shows.screenId, screenOne.id), gt(shows.startsAt, new Date(now.getTime() + 24 * 3600_000))))
    .orderBy(asc(shows.startsAt));

  // Story 1: tomorrow's first Screen 1 show with a later show of the same movie elsewhere.
  const swapShow = upcoming[0];
  await paidOrder(tx, { user: swapUser, show: swapShow, seatRows: [seat("J", 1), seat("J", 2)] });

  // Story 2: a late show days ahead, sold out, one booking of three together to cancel.
  const fullShow = upcoming[upcoming.length - 1];
  const trio = [seat("E", 3), seat("E", 4), seat("E", 5)];
  const rest = screenSeats.filter((s) => !trio.includes(s));
  await paidOrder(tx, { user: houseUser, show: fullShow, seatRows: rest });
  await paidOrder(tx, { user: cancelUser, show: fullShow, seatRows: trio });
  await tx.insert(waitlistEntries).values({ showId: fullShow.id, userId: partyUser.id, partySize: 3 });
}

async function paidOrder(tx: Tx, o: { user: { id: string; email: string | null }; show: typeof shows.$inferSelect; seatRows: (typeof seats.$inferSelect)[] }) {
  const orderId = crypto.randomUUID();
  const paymentIntentId = `pi_local_demo${orderId.replace(/-/g, "").slice(0, 20)}`;
  // Adult lines at the tier price with no fee or tax: the story bookings are snapshots written
  // here, so their breakdown must say what their amount is (db/invariants.ts checks it).
  const lines = o.seatRows.map((s) => {
    const amount = o.show.prices[s.tier] ?? 0;
    return { orderId, seatId: s.id, rowLabel: s.rowLabel, seatNumber: s.number, tier: s.tier, amount, price: amount, ticketTypeName: "Adult" };
  });
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  const paidAt = new Date();
  await tx.insert(orders).values({
    id: orderId,
    userId: o.user.id,
    showId: o.show.id,
    holderId: `demo_${orderId.replace(/-/g, "")}`,
    email: o.user.email!,
    status: "paid",
    totalAmount: total,
    currency: o.show.currency,
    stripeSessionId: `cs_local_demo${orderId.replace(/-/g, "").slice(0, 20)}`,
    stripePaymentIntentId: paymentIntentId,
    paidAt,
  });
  await tx.insert(orderSeats).values(lines);
  await tx.insert(tickets).values(lines.map((l) => ({ orderId, showId: o.show.id, seatId: l.seatId })));
  await tx.insert(localCheckoutSessions).values({
    id: `cs_local_demo${orderId.replace(/-/g, "").slice(0, 20)}`,
    orderId,
    status: "complete",
    paymentStatus: "paid",
    paymentIntentId,
    amountTotal: total,
    currency: o.show.currency,
    customerEmail: o.user.email!,
    lineItems: [{ name: `${lines.length} seats (demo booking)`, amount: total }],
    successUrl: "http://localhost/checkout/success",
    cancelUrl: "http://localhost/",
    expiresAt: paidAt,
  });
  await tx.insert(emailOutbox).values({
    dedupeKey: `booking-confirmed:${orderId}`,
    template: "booking-confirmed",
    toAddress: o.user.email!,
    subject: "Your tickets (demo booking)",
    html: "<p>Demo booking: the tickets are on My bookings.</p>",
    status: "sent",
    sentAt: paidAt,
  });
}

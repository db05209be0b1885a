import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prerender } from "react-dom/static";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { emailOutbox, orders, sessions, tickets, users, waitlistEntries, waitlistOffers } from "@/db/schema";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { holdSeats } from "@/lib/booking/holds";
import { refundOrder } from "@/lib/booking/refund-order";
import { startCheckout } from "@/lib/booking/start-checkout";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { stopOutboxWorker } from "@/lib/email/kick";
import { processPaymentEvent, receiveStripeEvent } from "@/lib/booking/payment-events";
import { getSeatLocks } from "@/lib/seat-locks";
import { offerFreedSeats, sweepWaitlists } from "@/lib/booking/waitlist/offer-seats";
import { declineOffer } from "@/lib/booking/waitlist/take-offer";
import { waitlistStatus } from "@/lib/booking/waitlist/entries";
import { bookingWorld, WEBHOOK_SECRET } from "../support/booking-fixture";
import { signStripeEvent, stripeEvent } from "../support/stripe-fake";

// The waitlist of a sold-out show, end to end on the real booking paths: customers join through
// the server action (signed in by a real database session), seats come back through a Stripe
// webhook expiring a checkout, an admin refund and a customer cancellation, and the emails are
// rows in the real outbox. Only next/headers is replaced (the browser's cookie jar).
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar, { host: "localhost:3999" }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

const { joinWaitlistAction, leaveWaitlistAction } = await import("@/app/(site)/shows/[showId]/waitlist-actions");
const { default: ShowPage } = await import("@/app/(site)/shows/[showId]/page");

/**
 * The showtime page as the signed-in (or not) caller gets it, rendered to HTML. Rendered the way
 * Next streams it (waiting for Suspense), since the waitlist panel is lazily loaded.
 */
async function showPageHtml(showId: string) {
  const page = await ShowPage({ params: Promise.resolve({ showId }), searchParams: Promise.resolve({}) });
  const { prelude } = await prerender(page);
  return (await new Response(prelude).text()).replace(/<!-- -->/g, "");
}

let world: Awaited<ReturnType<typeof bookingWorld>>;
let show: Awaited<ReturnType<typeof world.aShow>>;
const CROWD = "crowd-holder-0123456789abcdef";
type Fan = { id: string; email: string; token: string };
const fans: Fan[] = [];
let orderIds: { expiring: string; refunded: string; cancelled: string };

async function fan(name: string): Promise<Fan> {
  const email = `${name}@example.com`;
  const [user] = await world.db.insert(users).values({ email, name }).returning();
  const token = crypto.randomUUID();
  await world.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 3_600_000) });
  return { id: user.id, email, token };
}

function signIn(who: Fan | null) {
  jar.clear();
  if (who) jar.set("authjs.session-token", who.token);
}

async function buy(seatIds: string[], as?: Fan) {
  const customer = as ? { holder: crypto.randomUUID().replace(/-/g, ""), userId: as.id, email: as.email } : await world.customer("buyer");
  await holdSeats(world.db, { showId: show.show.id, seatIds }, customer.holder);
  const { orderId } = await startCheckout(world.db, show.show.id, customer, "http://localhost:3999");
  const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
  world.stripe.complete(order.stripeSessionId!);
  await syncOrderWithSession(world.db, order.stripeSessionId!);
  return orderId;
}

/** Every seat not sold or in a checkout goes on hold by someone else: the show is sold out. */
async function fillTheHouse() {
  const sold = new Set(
    (await world.db.select({ seatId: tickets.seatId }).from(tickets).where(and(eq(tickets.showId, show.show.id), ne(tickets.status, "voided")))).map((t) => t.seatId),
  );
  const all = show.seats.filter((s) => s.active && !sold.has(s.id)).map((s) => s.id);
  const holders = await getSeatLocks().holders(show.show.id, all);
  const result = await getSeatLocks().hold(show.show.id, all.filter((id) => !holders.has(id) || holders.get(id) === CROWD), CROWD, 30 * 60_000);
  expect(result.ok).toBe(true);
}

async function waitlistEmails() {
  return world.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, "waitlist-offer"), sql`${emailOutbox.payload}->>'showId' = ${show.show.id}`))
    .orderBy(asc(emailOutbox.createdAt));
}

const recipients = async () => (await waitlistEmails()).map((e) => e.toAddress);

beforeAll(async () => {
  world = await bookingWorld();
  show = await world.aShow(3);
  const paidA = await buy([show.seat("D", 1).id, show.seat("D", 2).id]);
  const paidB = await buy([show.seat("B", 1).id]);
  // A checkout left open: its seats are held by its order until Stripe expires the session.
  const ditherer = await world.customer("ditherer");
  await holdSeats(world.db, { showId: show.show.id, seatIds: [show.seat("C", 1).id] }, ditherer.holder);
  const { orderId: pending } = await startCheckout(world.db, show.show.id, ditherer, "http://localhost:3999");
  orderIds = { expiring: pending, refunded: paidA, cancelled: paidB };
  await fillTheHouse();
  for (const name of ["first", "second", "third", "fourth", "fifth", "sixth"]) fans.push(await fan(name));
});
afterAll(async () => {
  stopOutboxWorker();
  jar.clear();
  await world?.close();
});

describe("waitlist of a sold-out show", () => {
  it("refuses visitors, and changes nothing", async () => {
    signIn(null);
    expect(await joinWaitlistAction({ showId: show.show.id })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await leaveWaitlistAction({ showId: show.show.id })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await world.db.select().from(waitlistEntries)).toEqual([]);
    // What a visitor is shown on the page instead: a sign-in link back to this show.
    const html = await showPageHtml(show.show.id);
    expect(html).toContain("Sold out — join the waitlist");
    expect(html).toContain(`/sign-in?next=%2Fshows%2F${show.show.id}`);
    expect(html).toContain("Sign in to join the waitlist");
  });

  it("refuses to take a place when seats are free, and checks the input", async () => {
    signIn(fans[0]);
    const other = await world.aShow(4);
    expect(await joinWaitlistAction({ showId: other.show.id })).toMatchObject({ ok: false, code: "conflict" });
    // A show with free seats has no waitlist on its page; the sold-out one offers it.
    expect(await showPageHtml(other.show.id)).not.toContain("waitlist");
    expect(await showPageHtml(show.show.id)).toContain("Join the waitlist</button>");
    expect(await joinWaitlistAction({ showId: "nope" })).toMatchObject({ ok: false, code: "bad_input", fieldErrors: { showId: ["That is not a show id."] } });
    expect(await joinWaitlistAction({ showId: crypto.randomUUID() })).toMatchObject({ ok: false, code: "not_found" });
    expect(await world.db.select().from(waitlistEntries)).toEqual([]);
  });

  it("lines customers up in join order, and each sees their place", async () => {
    for (const [i, f] of fans.slice(0, 4).entries()) {
      signIn(f);
      const result = await joinWaitlistAction({ showId: show.show.id });
      expect(result).toMatchObject({ ok: true, data: { state: "waiting", place: i + 1 } });
    }
    signIn(fans[1]);
    // Joining twice keeps the place.
    expect(await joinWaitlistAction({ showId: show.show.id })).toMatchObject({ ok: true, data: { state: "waiting", place: 2 } });
    const html = await showPageHtml(show.show.id);
    expect(html).toContain("Sold out — you are on the waitlist");
    expect(html).toContain("You are on the waitlist for 1 seat, number 2 in line.");
    expect(html).toContain(`email ${fans[1].email} a link to book them`);
    expect(html).toContain("Leave the waitlist</button>");
    expect(html).not.toContain("Join the waitlist</button>");
    expect(await recipients()).toEqual([]);
  });

  it("a checkout expired by Stripe frees one seat: it is held for the first in line, and only they are emailed", async () => {
    const [order] = await world.db.select().from(orders).where(eq(orders.id, orderIds.expiring));
    world.stripe.expire(order.stripeSessionId!);
    const payload = JSON.stringify(stripeEvent("checkout.session.expired", world.stripe.sessionObject(order.stripeSessionId!)));
    const received = await receiveStripeEvent(world.db, payload, signStripeEvent(payload, WEBHOOK_SECRET));
    expect(await processPaymentEvent(world.db, received.event!)).toBe("expired");

    expect(await recipients()).toEqual([fans[0].email]);
    const [mail] = await waitlistEmails();
    expect(mail.subject).toMatch(/^A seat is held for you: /);
    expect(mail.html).toContain("http://localhost:3999/waitlist/offers/");
    const [offer] = await world.db.select().from(waitlistOffers).where(eq(waitlistOffers.showId, show.show.id));
    expect(offer.seatIds).toEqual([show.seat("C", 1).id]);
    expect((await getSeatLocks().holders(show.show.id, offer.seatIds)).get(offer.seatIds[0])).toBe(offer.holderId);
    expect(await waitlistStatus(world.db, show.show.id, fans[0].id)).toMatchObject({ state: "notified" });
    expect(await waitlistStatus(world.db, show.show.id, fans[1].id)).toMatchObject({ state: "waiting", place: 1 });
  });

  it("a replayed release offers nothing new", async () => {
    const [order] = await world.db.select().from(orders).where(eq(orders.id, orderIds.expiring));
    // The same webhook event redelivered, a new event for the same expiry, and a sweep.
    const payload = JSON.stringify(stripeEvent("checkout.session.expired", world.stripe.sessionObject(order.stripeSessionId!)));
    const again = await receiveStripeEvent(world.db, payload, signStripeEvent(payload, WEBHOOK_SECRET));
    await processPaymentEvent(world.db, again.event!);
    expect(await offerFreedSeats(world.db, show.show.id)).toEqual([]);
    expect(await recipients()).toEqual([fans[0].email]);
  });

  it("a refund of two seats offers one each to the next two, in join order, and nobody twice", async () => {
    expect(await refundOrder(world.db, orderIds.refunded, "admin")).toBe("refunded");
    expect(await recipients()).toEqual([fans[0].email, fans[1].email, fans[2].email]);
    // Refunding again is a no-op and so is its release.
    expect(await refundOrder(world.db, orderIds.refunded, "admin")).toBe("already_refunded");
    expect(await recipients()).toHaveLength(3);
    expect(await waitlistStatus(world.db, show.show.id, fans[3].id)).toMatchObject({ state: "waiting", place: 1 });
  });

  it("someone emailed is not emailed again unless they rejoin; a declined seat goes to the next; a buyer is left out", async () => {
    await fillTheHouse();
    // The first fan rejoins: a new place at the back. The second leaves.
    signIn(fans[0]);
    expect(await joinWaitlistAction({ showId: show.show.id })).toMatchObject({ ok: true, data: { state: "waiting", place: 2 } });
    signIn(fans[1]);
    expect(await leaveWaitlistAction({ showId: show.show.id })).toMatchObject({ ok: true, data: { state: "none" } });
    signIn(fans[4]);
    expect(await joinWaitlistAction({ showId: show.show.id })).toMatchObject({ ok: true, data: { state: "waiting", place: 3 } });
    signIn(fans[5]);
    expect(await joinWaitlistAction({ showId: show.show.id })).toMatchObject({ ok: true, data: { state: "waiting", place: 4 } });

    // The third (emailed, not rejoined) stays emailed once; one seat back reaches the fourth.
    expect(await cancelBooking(world.db, orderIds.cancelled)).toBe("refunded");
    expect(await recipients()).toEqual([fans[0].email, fans[1].email, fans[2].email, fans[3].email]);
    // The fourth declines: the seat goes to the rejoined first fan.
    const offer = (await world.db.select().from(waitlistOffers).where(eq(waitlistOffers.status, "open"))).find((o) => o.seatIds.includes(show.seat("B", 1).id))!;
    expect(await declineOffer(world.db, offer.id, fans[3].id)).toEqual({ result: "declined" });
    expect(await recipients()).toEqual([fans[0].email, fans[1].email, fans[2].email, fans[3].email, fans[0].email]);

    // The sixth fan, still waiting, buys a seat someone let go of; the next seat that comes back
    // skips them (they got what they waited for) and reaches the fifth.
    await getSeatLocks().release(show.show.id, [show.seat("E", 5).id], CROWD);
    await buy([show.seat("E", 5).id], fans[5]);
    await getSeatLocks().release(show.show.id, [show.seat("E", 6).id], CROWD);
    await sweepWaitlists(world.db);
    expect((await recipients()).slice(5)).toEqual([fans[4].email]);
    await getSeatLocks().release(show.show.id, [show.seat("E", 7).id], CROWD);
    expect((await sweepWaitlists(world.db)).offered).toBe(0);
    expect(await waitlistStatus(world.db, show.show.id, fans[5].id)).toMatchObject({ state: "waiting", place: 1 });
  });

  it("two workers at once reach different people with different seats", async () => {
    await fillTheHouse();
    const crowd = [await fan("g1"), await fan("g2"), await fan("g3"), await fan("g4")];
    for (const f of crowd) {
      signIn(f);
      expect(await joinWaitlistAction({ showId: show.show.id })).toMatchObject({ ok: true, data: { state: "waiting" } });
    }
    const before = (await recipients()).length;
    await getSeatLocks().release(show.show.id, [show.seat("G", 1).id, show.seat("G", 12).id], CROWD);
    const results = await Promise.all([offerFreedSeats(world.db, show.show.id), offerFreedSeats(world.db, show.show.id)]);
    const seats = results.flat().flatMap((o) => o.seatIds);
    expect(seats.sort()).toEqual([show.seat("G", 1).id, show.seat("G", 12).id].sort());
    const sent = (await recipients()).slice(before);
    expect(sent.sort()).toEqual(crowd.slice(0, 2).map((f) => f.email).sort());
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { prerender } from "react-dom/static";
import { eq } from "drizzle-orm";
import { orders } from "@/db/schema";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { getSeatLocks } from "@/lib/seat-locks";
import { bookingWorld } from "../support/booking-fixture";

// Stripe's Cancel link lands on a page. Opening it (a GET anyone can make a browser do, from a
// link in any site or email) changes nothing; the page's button posts the cancellation, which
// only the holder who started the order can make. Only next/headers is replaced (the cookie jar).
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar, { host: "evil.example:8443", "x-forwarded-host": "evil.example" }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

const { default: CancelPage } = await import("@/app/(site)/checkout/cancel/page");
const { cancelCheckout } = await import("@/app/(site)/checkout/cancel/actions");

let world: Awaited<ReturnType<typeof bookingWorld>>;
let show: Awaited<ReturnType<typeof world.aShow>>;
beforeAll(async () => {
  world = await bookingWorld();
  show = await world.aShow();
});
afterAll(async () => {
  await world?.close();
});

/** A customer with seats held and a checkout started: the order as it stands before Cancel. */
async function pendingCheckout(seatIds: string[]) {
  const customer = await world.customer("canceller");
  await holdSeats(world.db, { showId: show.show.id, seatIds }, customer.holder);
  const { orderId } = await startCheckout(world.db, show.show.id, customer, "http://localhost:3999");
  return { customer, orderId, seatIds };
}

async function orderRow(orderId: string) {
  const [row] = await world.db.select().from(orders).where(eq(orders.id, orderId));
  return row;
}

async function lockHolders(seatIds: string[]) {
  const holders = await getSeatLocks().holders(show.show.id, seatIds);
  return seatIds.map((id) => holders.get(id) ?? null);
}

function as(holder: string | null) {
  jar.clear();
  if (holder) jar.set("mq_holder", holder);
}

async function openCancelPage(orderId: string) {
  const page = await CancelPage({ searchParams: Promise.resolve({ order: orderId }) });
  const { prelude } = await prerender(page);
  return (await new Response(prelude).text()).replace(/<!-- -->/g, "");
}

function form(orderId: string) {
  const data = new FormData();
  data.set("orderId", orderId);
  return data;
}

/** Where the action sent the browser (Next's redirect() throws), or its result. */
async function post(orderId: string) {
  return cancelCheckout(form(orderId)).catch((err: unknown) => ({ redirect: (err as { digest?: string }).digest?.split(";")[2] }));
}

describe(`checkout cancel (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("has no GET route handler: the cancel URL is a page", () => {
    expect(existsSync(path.resolve("app/(site)/checkout/cancel/route.ts"))).toBe(false);
    expect(existsSync(path.resolve("app/(site)/checkout/cancel/page.tsx"))).toBe(true);
  });

  it("opening the cancel URL changes nothing: the order stays pending and the seats held", async () => {
    const { customer, orderId, seatIds } = await pendingCheckout([show.seat("A", 1).id, show.seat("A", 2).id]);
    as(customer.holder);
    const html = await openCancelPage(orderId);
    expect(html).toContain("Cancel checkout and release my seats");
    expect(html).toContain(`value="${orderId}"`);
    // Links are relative: resolved against the page the browser is on, never a host a header named.
    expect(html).toContain(`href="/shows/${show.show.id}"`);
    expect(html).not.toContain("evil.example");
    expect((await orderRow(orderId)).status).toBe("pending");
    expect(await lockHolders(seatIds)).toEqual([customer.holder, customer.holder]);
  });

  it("another holder's POST is refused and changes nothing; so is one with no holder cookie", async () => {
    const { customer, orderId, seatIds } = await pendingCheckout([show.seat("B", 1).id]);
    const other = await world.customer("stranger");
    as(other.holder);
    expect(await post(orderId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await openCancelPage(orderId)).not.toContain("Cancel checkout");
    as(null);
    expect(await post(orderId)).toMatchObject({ ok: false, code: "not_found" });
    expect((await orderRow(orderId)).status).toBe("pending");
    expect(await lockHolders(seatIds)).toEqual([customer.holder]);
    expect(world.stripe.sessions.get((await orderRow(orderId)).stripeSessionId!)?.status).toBe("open");
  });

  it("the owner's POST cancels the order, expires the session, releases the seats and goes back to the show", async () => {
    const { customer, orderId, seatIds } = await pendingCheckout([show.seat("C", 1).id, show.seat("C", 2).id]);
    as(customer.holder);
    expect(await post(orderId)).toEqual({ redirect: `/shows/${show.show.id}?cancelled=1` });
    const row = await orderRow(orderId);
    expect(row.status).toBe("cancelled");
    expect(world.stripe.sessions.get(row.stripeSessionId!)?.status).toBe("expired");
    expect(await lockHolders(seatIds)).toEqual([null, null]);
    // A second press finds nothing pending and changes nothing more.
    expect(await post(orderId)).toEqual({ redirect: `/shows/${show.show.id}?cancelled=1` });
    expect((await orderRow(orderId)).status).toBe("cancelled");
  });

  it("an order paid meanwhile is never cancelled: the POST goes to the success page", async () => {
    const { customer, orderId } = await pendingCheckout([show.seat("D", 1).id]);
    const sessionId = (await orderRow(orderId)).stripeSessionId!;
    world.stripe.complete(sessionId);
    as(customer.holder);
    expect(await post(orderId)).toEqual({ redirect: `/checkout/success?session_id=${sessionId}` });
    expect((await orderRow(orderId)).status).toBe("paid");
  });

  it("refuses a malformed order id", async () => {
    as(null);
    expect(await post("not-a-uuid")).toMatchObject({ ok: false, code: "bad_input" });
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { prerender } from "react-dom/static";
import { eq } from "drizzle-orm";
import { orders, sessions } from "@/db/schema";
import { holdSeats } from "@/lib/booking/holds";
import { bookingWorld } from "../support/booking-fixture";

// A magic link of a sign-in started at Continue lands on /shows/<id>/continue. Opening it (a GET
// any site can make a browser do) changes nothing; the page posts the seat map's Continue form by
// itself, and that POST starts the checkout, or offers the seats again when the hold ran out.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

const { default: ContinuePage } = await import("@/app/(site)/shows/[showId]/continue/page");
const { checkoutAction } = await import("@/app/(site)/shows/[showId]/checkout-action");

let world: Awaited<ReturnType<typeof bookingWorld>>;
let show: Awaited<ReturnType<typeof world.aShow>>;
beforeAll(async () => {
  world = await bookingWorld();
  show = await world.aShow();
});
afterAll(async () => {
  await world?.close();
});

/** A signed-in customer whose browser holds these seats (holder cookie + Auth.js session cookie). */
async function signedInHolding(seatIds: string[]) {
  const customer = await world.customer("returner");
  await holdSeats(world.db, { showId: show.show.id, seatIds }, customer.holder);
  const sessionToken = crypto.randomUUID();
  await world.db.insert(sessions).values({ sessionToken, userId: customer.userId, expires: new Date(Date.now() + 30 * 86_400_000) });
  jar.clear();
  jar.set("mq_holder", customer.holder);
  jar.set("authjs.session-token", sessionToken);
  return customer;
}

async function ordersOf(userId: string) {
  return world.db.select().from(orders).where(eq(orders.userId, userId));
}

/** Where the action sent the browser (Next's redirect() throws). */
async function post(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return checkoutAction(data).then(
    () => ({ redirect: null }),
    (err: unknown) => ({ redirect: (err as { digest?: string }).digest?.split(";")[2] ?? null }),
  );
}

describe(`continue after signing in (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("is a page, not a GET route handler", () => {
    expect(existsSync(path.resolve("app/(site)/shows/[showId]/continue/route.ts"))).toBe(false);
  });

  it("opening it changes nothing: no order, and the form it submits names the show and the seats", async () => {
    const seatIds = [show.seat("E", 5).id, show.seat("E", 6).id];
    const customer = await signedInHolding(seatIds);
    const page = await ContinuePage({ params: Promise.resolve({ showId: show.show.id }), searchParams: Promise.resolve({ seats: seatIds.join(",") }) });
    const html = await new Response((await prerender(page)).prelude).text();
    expect(html).toContain(`name="showId" value="${show.show.id}"`);
    expect(html).toContain(`name="seats" value="${seatIds.join(",")}"`);
    expect(await ordersOf(customer.userId)).toEqual([]);
  });

  it("its POST starts the checkout of the seats this browser holds", async () => {
    const seatIds = [show.seat("F", 5).id, show.seat("F", 6).id];
    const customer = await signedInHolding(seatIds);
    const { redirect } = await post({ showId: show.show.id, seats: seatIds.join(",") });
    const [order] = await ordersOf(customer.userId);
    expect(order).toMatchObject({ status: "pending", showId: show.show.id });
    expect(redirect).toBe(world.stripe.sessionObject(order.stripeSessionId!).url);
  });

  it("when the hold ran out, its POST goes back to the map offering the same seats, and starts nothing", async () => {
    const seatIds = [show.seat("G", 5).id, show.seat("G", 6).id];
    const customer = await signedInHolding(seatIds);
    jar.delete("mq_holder");
    const { redirect } = await post({ showId: show.show.id, seats: seatIds.join(",") });
    expect(redirect).toBe(`/shows/${show.show.id}?${new URLSearchParams({ resume: seatIds.join(",") })}`);
    expect(await ordersOf(customer.userId)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { emailOutbox, orders } from "@/db/schema";
import { holdSeats } from "@/lib/booking/holds";
import { refundOrder } from "@/lib/booking/refund-order";
import { startCheckout } from "@/lib/booking/start-checkout";
import { kickOutbox } from "@/lib/email/kick";
import { resetEnvForTests } from "@/lib/env";
import { resetMetricsForTests } from "@/lib/metrics";
import { processPaymentEvent, receiveStripeEvent } from "@/lib/booking/payment-events";
import { bookingWorld, WEBHOOK_SECRET } from "../support/booking-fixture";
import { signStripeEvent, stripeEvent } from "../support/stripe-fake";

// The scrape after real bookings: counters for what this process did, and gauges read from the
// database that match it exactly, which is what makes a multi-instance total trustworthy.

let world: Awaited<ReturnType<typeof bookingWorld>>;
const { GET } = await import("@/app/api/metrics/route");

beforeAll(async () => {
  resetMetricsForTests();
  world = await bookingWorld();
});
afterAll(async () => {
  delete process.env.METRICS_TOKEN;
  resetEnvForTests();
  await world?.close();
});

async function deliver(type: string, sessionId: string, payload = JSON.stringify(stripeEvent(type, world.stripe.sessionObject(sessionId)))) {
  const received = await receiveStripeEvent(world.db, payload, signStripeEvent(payload, WEBHOOK_SECRET));
  if (received.event) await processPaymentEvent(world.db, received.event);
  return payload;
}

async function buy(showOffset: number) {
  const { show, seat } = await world.aShow(showOffset);
  const customer = await world.customer("metrics");
  await holdSeats(world.db, { showId: show.id, seatIds: [seat("G", 1).id] }, customer.holder);
  const { orderId } = await startCheckout(world.db, show.id, customer, "http://localhost:3999");
  const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
  return { orderId, sessionId: order.stripeSessionId! };
}

async function scrape(headers: Record<string, string> = {}) {
  const res = await GET(new Request("http://localhost/api/metrics", { headers }), undefined);
  return { res, text: await res.text() };
}

function sample(text: string, name: string, labels = ""): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ""} `));
  return line === undefined ? undefined : Number(line.split(" ").pop());
}

describe("/api/metrics", () => {
  it("reports the booking counters, and database gauges that equal the database", async () => {
    const paid = await buy(0);
    world.stripe.complete(paid.sessionId);
    const payload = await deliver("checkout.session.completed", paid.sessionId);
    await deliver("checkout.session.completed", paid.sessionId, payload); // Stripe redelivers
    const expired = await buy(1);
    world.stripe.expire(expired.sessionId);
    await deliver("checkout.session.expired", expired.sessionId);
    const refunded = await buy(2);
    world.stripe.complete(refunded.sessionId);
    await deliver("checkout.session.completed", refunded.sessionId);
    await refundOrder(world.db, refunded.orderId, "admin");
    await kickOutbox();

    const { res, text } = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(sample(text, "checkouts_started_total")).toBe(3);
    expect(sample(text, "orders_total", 'status="paid"')).toBe(2);
    expect(sample(text, "orders_total", 'status="expired"')).toBe(1);
    expect(sample(text, "orders_total", 'status="refunded"')).toBe(1);
    expect(sample(text, "webhook_events_total", 'type="checkout.session.completed",outcome="paid"')).toBe(2);
    expect(sample(text, "webhook_events_total", 'type="checkout.session.completed",outcome="duplicate"')).toBe(1);
    expect(sample(text, "webhook_events_total", 'type="checkout.session.expired",outcome="expired"')).toBe(1);

    const inDb = await world.db.select({ status: orders.status, n: count() }).from(orders).groupBy(orders.status);
    for (const status of ["pending", "paid", "expired", "cancelled", "refunded"] as const) {
      expect(sample(text, "orders_by_status", `status="${status}"`), status).toBe(Number(inDb.find((r) => r.status === status)?.n ?? 0));
    }
    const [pending] = await world.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, "pending"));
    expect(sample(text, "email_outbox_depth")).toBe(Number(pending.n));
    expect(sample(text, "email_outbox_failed")).toBe(0);
    const [sent] = await world.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, "sent"));
    expect(Number(sent.n)).toBeGreaterThan(0);
    expect(sample(text, "emails_sent_total")).toBe(Number(sent.n));
    expect(text).toContain("# TYPE http_request_duration_seconds histogram");
    expect(text).toContain("process_cpu_user_seconds_total");
  });

  it("when METRICS_TOKEN is set, answers 401 without the bearer token and 200 with it", async () => {
    process.env.METRICS_TOKEN = "scrape-secret-123";
    resetEnvForTests();
    expect((await scrape()).res.status).toBe(401);
    const wrong = await scrape({ authorization: "Bearer nope" });
    expect(wrong.res.status).toBe(401);
    expect(wrong.res.headers.get("www-authenticate")).toContain("Bearer");
    expect(wrong.text).not.toContain("orders_total");
    const right = await scrape({ authorization: "Bearer scrape-secret-123" });
    expect(right.res.status).toBe(200);
    expect(right.text).toContain("orders_by_status");
    // The scrape times itself like any route handler.
    expect(right.text).toMatch(/http_request_duration_seconds_count\{route="\/api\/metrics",method="GET",status="401"\} 2/);
  });
});

describe("latency of every route handler and action", () => {
  it("is recorded by the pipeline under the route's pattern or the action's name, with the status answered", async () => {
    const posters = await import("@/app/api/posters/[file]/route");
    const arena = await import("@/app/dev/seat-map-arena/actions");
    delete process.env.METRICS_TOKEN;
    resetEnvForTests();
    expect((await posters.GET(new Request("http://localhost/api/posters/nope.png"), { params: Promise.resolve({ file: "nope.png" }) })).status).toBe(404);
    expect(await arena.holdArenaSeatsAction({ showId: "arena", seatIds: ["A1"] })).toMatchObject({ ok: true });
    expect(await arena.holdArenaSeatsAction("not an input")).toMatchObject({ ok: false, code: "bad_input" });
    const { text } = await scrape();
    expect(text).toMatch(/http_request_duration_seconds_count\{route="\/api\/posters\/\[file\]",method="GET",status="404"\} 1/);
    expect(text).toMatch(/http_request_duration_seconds_count\{route="action:arena-hold",method="POST",status="200"\} 1/);
    expect(text).toMatch(/http_request_duration_seconds_count\{route="action:arena-hold",method="POST",status="400"\} 1/);
  });
});

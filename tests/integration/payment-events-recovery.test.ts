import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, isNull } from "drizzle-orm";
import { orders, stripeEvents } from "@/db/schema";
import { holdSeats } from "@/lib/booking/holds";
import { processPaymentEvent, processUnfinishedEvents, receiveStripeEvent } from "@/lib/booking/payment-events";
import { startCheckout } from "@/lib/booking/start-checkout";
import { bookingWorld, WEBHOOK_SECRET } from "../support/booking-fixture";
import { signStripeEvent, stripeEvent } from "../support/stripe-fake";

// Issue 16, sequence 5: nothing acknowledged is lost. An event whose processing threw, or whose
// instance died right after answering 2xx, is processed again by the event worker within a minute.

let world: Awaited<ReturnType<typeof bookingWorld>>;
let child: ChildProcess | undefined;
beforeAll(async () => {
  world = await bookingWorld();
});
afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
});
afterAll(async () => {
  await world?.close();
});

const BASE = "http://localhost:3999";
// The restarted instance listens where the first one did, as a restarted server would.
let port = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function paidAtProvider(row: string, count: number, showOffset: number) {
  const { show, seat } = await world.aShow(showOffset);
  const out: { orderId: string; sessionId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const buyer = await world.customer(`crash${i}`);
    await holdSeats(world.db, { showId: show.id, seatIds: [seat(row, 2 * i + 1).id, seat(row, 2 * i + 2).id] }, buyer.holder);
    const { orderId } = await startCheckout(world.db, show.id, buyer, BASE);
    const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
    world.stripe.complete(order.stripeSessionId!);
    out.push({ orderId, sessionId: order.stripeSessionId! });
  }
  return out;
}

function signedCompleted(sessionId: string) {
  const payload = JSON.stringify(stripeEvent("checkout.session.completed", world.stripe.sessionObject(sessionId)));
  return { payload, signature: signStripeEvent(payload, WEBHOOK_SECRET) };
}

/** One app instance (its webhook handler and event worker) as a child process. */
async function startInstance(): Promise<ChildProcess> {
  // One process (tsx as a loader, not its CLI, which would leave the real server running as a grandchild).
  const proc = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/support/server-only-off.mjs", "tests/support/webhook-instance.ts"], {
    env: { ...process.env, DATABASE_URL: world.databaseUrl!, PORT: String(port), EVENT_WORKER_INTERVAL_MS: "2000", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  proc.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const deadline = Date.now() + 60_000;
  let listening: RegExpExecArray | null;
  while (!(listening = /listening (\d+)/.exec(out))) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`instance did not start: ${out}`);
    await sleep(100);
  }
  port = Number(listening[1]);
  return proc;
}

describe("unfinished webhook events are processed again", () => {
  it("an event whose processing threw is left unprocessed and the worker pays its order", async () => {
    const [{ orderId, sessionId }] = await paidAtProvider("C", 1, 2);
    const { payload, signature } = signedCompleted(sessionId);
    const received = await receiveStripeEvent(world.db, payload, signature);
    world.stripe.failNext(1);
    expect(await processPaymentEvent(world.db, received.event!)).toBe("failed");
    const [row] = await world.db.select().from(stripeEvents).where(eq(stripeEvents.id, received.event!.id));
    expect(row.processedAt).toBeNull();
    // Stripe's redelivery of the same event is acknowledged without a second run.
    expect((await receiveStripeEvent(world.db, payload, signature)).body).toEqual({ received: true, duplicate: true });

    expect(await processUnfinishedEvents(world.db, { leaseSeconds: 0 })).toEqual({ processed: 1, failed: 0 });
    expect((await world.db.select().from(orders).where(eq(orders.id, orderId)))[0].status).toBe("paid");
  });

  it.runIf(process.env.DATABASE_URL)(
    "an instance killed right after acknowledging: restarted, it pays every order within a minute",
    async () => {
      const bought = await paidAtProvider("F", 4, 3);
      // The provider answers slowly, so the instance is still working when it dies.
      world.stripe.slowDown({ method: "GET", path: /^\/v1\/checkout\/sessions\//, ms: 3000 });
      child = await startInstance();
      const answers = await Promise.all(
        bought.map(async ({ sessionId }) => {
          const { payload, signature } = signedCompleted(sessionId);
          const res = await fetch(`http://127.0.0.1:${port}/api/webhooks/stripe`, { method: "POST", headers: { "stripe-signature": signature, "content-type": "application/json" }, body: payload });
          return res.status;
        }),
      );
      child.kill("SIGKILL");
      await once(child, "exit");
      expect(answers).toEqual([200, 200, 200, 200]);
      world.stripe.slowDown(null);
      const ids = bought.map((b) => b.orderId);
      const statuses = async () => (await world.db.select({ status: orders.status }).from(orders).where(inArray(orders.id, ids))).map((o) => o.status);
      expect(await statuses()).toEqual(["pending", "pending", "pending", "pending"]);

      child = await startInstance();
      // Every order paid and every acknowledged event finished, none of them by hand.
      const unfinished = () => world.db.select({ id: stripeEvents.id, outcome: stripeEvents.outcome }).from(stripeEvents).where(isNull(stripeEvents.processedAt));
      const deadline = Date.now() + 60_000;
      while (((await statuses()).some((s) => s !== "paid") || (await unfinished()).length) && Date.now() < deadline) await sleep(500);
      expect(await statuses()).toEqual(["paid", "paid", "paid", "paid"]);
      expect(await unfinished()).toEqual([]);
    },
    120_000,
  );
});

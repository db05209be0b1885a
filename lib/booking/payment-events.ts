import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { log } from "@/lib/log";
import { countWebhookEvent } from "@/lib/metrics";
import { verifyWebhook, type VerifiedEvent } from "@/lib/payments/verify-webhook";
import { applyPaymentEvent } from "./lifecycle";

// The inbox of provider events. An event is recorded with its body before the webhook answers
// 2xx, and marked processed only when the lifecycle has finished with it. Whatever did not finish
// — an exception, or an instance that died after answering — is taken up again by the worker
// below within a minute (docs/decisions.md: why a worker, not non-2xx answers).

/** How long an event taken up by one instance is left to it before the worker tries again. */
export const EVENT_LEASE_SECONDS = 20;
/** How often each instance's worker looks for unfinished events. */
export const EVENT_WORKER_INTERVAL_MS = 15_000;

/** Records a verified event once. False when it was recorded before (a redelivery): nothing to do now. */
export async function recordPaymentEvent(db: Db, event: VerifiedEvent): Promise<boolean> {
  const inserted = await db
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, payload: event.payload, attemptedAt: new Date() })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id });
  if (!inserted.length) countWebhookEvent(event.type, "duplicate");
  return inserted.length > 0;
}

/**
 * Runs the lifecycle for one recorded event. Processed only on success; a failure leaves the
 * event unprocessed (with its outcome noted) so the worker retries it.
 */
export async function processPaymentEvent(db: Db, event: Pick<VerifiedEvent, "id" | "type" | "object">, now?: Date): Promise<string> {
  let outcome: string;
  try {
    outcome = await applyPaymentEvent(db, event, now);
  } catch (err) {
    log.error({ err, eventId: event.id, type: event.type }, "webhook processing failed; the event worker retries it");
    await db.update(stripeEvents).set({ outcome: "failed" }).where(eq(stripeEvents.id, event.id));
    countWebhookEvent(event.type, "failed");
    return "failed";
  }
  await db.update(stripeEvents).set({ outcome, processedAt: new Date() }).where(and(eq(stripeEvents.id, event.id), isNull(stripeEvents.processedAt)));
  countWebhookEvent(event.type, outcome);
  return outcome;
}

/**
 * Takes up events nobody finished, oldest first: each is claimed atomically (its lease renewed
 * under SKIP LOCKED), so two instances never work on the same event at once.
 */
export async function processUnfinishedEvents(db: Db, opts: { limit?: number; leaseSeconds?: number } = {}): Promise<{ processed: number; failed: number }> {
  const { limit = 20, leaseSeconds = EVENT_LEASE_SECONDS } = opts;
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: stripeEvents.id, type: stripeEvents.type, payload: stripeEvents.payload })
      .from(stripeEvents)
      .where(and(isNull(stripeEvents.processedAt), sql`coalesce(${stripeEvents.attemptedAt}, ${stripeEvents.receivedAt}) < now() - make_interval(secs => ${leaseSeconds})`))
      .orderBy(asc(stripeEvents.receivedAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length) await tx.update(stripeEvents).set({ attemptedAt: new Date() }).where(inArray(stripeEvents.id, due.map((e) => e.id)));
    return due;
  });
  const report = { processed: 0, failed: 0 };
  for (const row of claimed) {
    const object = (row.payload?.data as { object?: Record<string, unknown> } | undefined)?.object;
    if (!object) {
      await db.update(stripeEvents).set({ outcome: "not_replayable", processedAt: new Date() }).where(eq(stripeEvents.id, row.id));
      continue;
    }
    const outcome = await processPaymentEvent(db, { id: row.id, type: row.type, object });
    if (outcome === "failed") report.failed++;
    else report.processed++;
  }
  return report;
}

let worker: ReturnType<typeof setInterval> | undefined;

/** Starts this instance's event worker (once per process). */
export function startPaymentEventWorker(getDb: () => Promise<Db>, intervalMs = EVENT_WORKER_INTERVAL_MS): void {
  if (worker) return;
  worker = setInterval(async () => {
    try {
      await processUnfinishedEvents(await getDb());
    } catch (err) {
      log.warn({ err }, "payment event worker failed; it runs again shortly");
    }
  }, intervalMs);
  worker.unref();
}

export type Received = { status: 200 | 400; body: Record<string, unknown>; event?: VerifiedEvent };

/**
 * The webhook's answer: a verified event is recorded (with its body) before the 2xx, and comes
 * back for processing only the first time; a redelivery answers 200 and does nothing, because
 * the first delivery's row is already the worker's to finish.
 */
export async function receiveStripeEvent(db: Db, rawBody: string, signature: string | null): Promise<Received> {
  const verified = verifyWebhook(rawBody, signature);
  if (!verified.ok) return { status: verified.status, body: verified.body };
  if (!(await recordPaymentEvent(db, verified.event))) return { status: 200, body: { received: true, duplicate: true } };
  return { status: 200, body: { received: true }, event: verified.event };
}

/**
 * The webhook route: answer once the event is recorded; `later` runs the lifecycle after the
 * answer (next/server's `after` in the app). If the instance dies first, the worker finishes it.
 */
export async function handleStripeWebhook(db: Db, req: Request, later: (work: () => Promise<unknown>) => void): Promise<Response> {
  const received = await receiveStripeEvent(db, await req.text(), req.headers.get("stripe-signature"));
  const event = received.event;
  if (event) later(() => processPaymentEvent(db, event));
  return Response.json(received.body, { status: received.status });
}

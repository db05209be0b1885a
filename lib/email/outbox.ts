import "server-only";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { emailOutbox, type OutboxAttachment } from "@/db/schema";
import { getDb, type Db, type Tx } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { currentRequestId, runWithRequestId } from "@/lib/request-context";
import { getEmailTransport, type EmailTransport } from "./transport";

// Every email goes through the email_outbox table: callers insert a row (in the same
// transaction as the change it reports, when there is one) and delivery happens afterwards,
// retried with backoff until the provider accepts it. A row is never deleted; after
// MAX_ATTEMPTS failures it is marked "failed" with its last error, for a human to look at.

/** Binary content (a PDF) as bytes; text content (an .ics) as a UTF-8 string. */
export type EmailAttachment = { filename: string; contentType: string; content: Uint8Array | string };

export type EnqueueEmailInput = {
  /** Unique per email, e.g. "booking-confirmed:<orderId>": a second enqueue with it is ignored. */
  dedupeKey: string;
  template: string;
  to: string;
  subject: string;
  html: string;
  text?: string;
  attachments?: (EmailAttachment | OutboxAttachment)[];
  /** Extra facts kept with the row for the dev outbox page and for support. */
  payload?: Record<string, unknown>;
};

export const MAX_ATTEMPTS = 8;
// Delay after the n-th failed attempt; the last value repeats.
const BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000];
// A claimed row is not due again for this long. If this process dies mid-send, another run picks
// it up after the lease; the provider's idempotency key turns that second send into a no-op.
const CLAIM_LEASE_MS = 5 * 60_000;

export function retryDelayMs(failedAttempts: number): number {
  return BACKOFF_MS[Math.min(Math.max(failedAttempts, 1), BACKOFF_MS.length) - 1];
}

function toOutboxAttachment(a: EmailAttachment | OutboxAttachment): OutboxAttachment {
  if ("contentBase64" in a) return a;
  const bytes = typeof a.content === "string" ? Buffer.from(a.content, "utf8") : Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength);
  return { filename: a.filename, contentType: a.contentType, contentBase64: bytes.toString("base64") };
}

/** Queues an email once per dedupe key. Pass the transaction that records what the email reports. */
export async function enqueueEmail(db: Db | Tx, input: EnqueueEmailInput): Promise<{ queued: boolean; id: string | null }> {
  const rows = await db
    .insert(emailOutbox)
    .values({
      dedupeKey: input.dedupeKey,
      template: input.template,
      toAddress: input.to,
      subject: input.subject,
      html: input.html,
      payload: { ...input.payload, ...(input.text !== undefined ? { text: input.text } : {}), requestId: currentRequestId() },
      attachments: (input.attachments ?? []).map(toOutboxAttachment),
      // The application clock, like the delivery run that compares against it.
      nextAttemptAt: new Date(),
    })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return rows.length > 0 ? { queued: true, id: rows[0].id } : { queued: false, id: null };
}

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number };

/**
 * Sends the pending emails that are due. Rows are claimed with one UPDATE over a
 * FOR UPDATE SKIP LOCKED selection that moves them out of the due window, so concurrent runs
 * (other requests, other instances) never claim the same row.
 */
export async function deliverDueEmails(
  opts: { limit?: number; now?: Date; db?: Db; transport?: EmailTransport } = {},
): Promise<DeliveryReport> {
  const db = opts.db ?? (await getDb());
  const transport = opts.transport ?? getEmailTransport();
  const now = opts.now ?? new Date();
  const isDue = and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, now));
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(isDue)
    .orderBy(emailOutbox.nextAttemptAt)
    .limit(opts.limit ?? 20)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(emailOutbox)
    .set({ attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    // isDue again: a run that waited on a lock must not take a row another run just claimed.
    .where(and(inArray(emailOutbox.id, due), isDue))
    .returning();

  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  const from = env().EMAIL_FROM;
  // One at a time: providers rate-limit bursts, and a batch is small.
  for (const row of claimed) {
    const text = typeof row.payload.text === "string" ? row.payload.text : undefined;
    const requestId = typeof row.payload.requestId === "string" ? row.payload.requestId : undefined;
    const email = { id: row.id, dedupeKey: row.dedupeKey, from, to: row.toAddress, subject: row.subject, html: row.html ?? "", text, attachments: row.attachments ?? [], requestId };
    let result: Awaited<ReturnType<EmailTransport["send"]>>;
    try {
      // Log lines about this delivery carry the id of the request that queued the email.
      result = await (requestId ? runWithRequestId(requestId, () => transport.send(email)) : transport.send(email));
    } catch (err) {
      result = { ok: false, error: err instanceof Error ? err.message : String(err), permanent: false };
    }
    const finishedAt = opts.now ?? new Date();
    if (result.ok) {
      await db
        .update(emailOutbox)
        .set({ status: "sent", providerId: result.providerId, sentAt: finishedAt, lastError: null })
        .where(eq(emailOutbox.id, row.id));
      report.sent++;
      metrics().emailsSent.inc();
      continue;
    }
    const giveUp = result.permanent || row.attempts >= MAX_ATTEMPTS;
    await db
      .update(emailOutbox)
      .set(
        giveUp
          ? { status: "failed", lastError: result.error }
          : { lastError: result.error, nextAttemptAt: new Date(finishedAt.getTime() + retryDelayMs(row.attempts)) },
      )
      .where(eq(emailOutbox.id, row.id));
    metrics().emailsFailed.inc();
    if (giveUp) report.failed++;
    else report.retrying++;
    log[giveUp ? "error" : "warn"](
      { emailId: row.id, template: row.template, attempts: row.attempts, error: result.error },
      giveUp ? "email delivery failed for good" : "email delivery failed, will retry",
    );
  }
  return report;
}

/** Puts a failed email back in the queue, due now (for an admin or the dev outbox page). */
export async function requeueEmail(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({ status: "pending", nextAttemptAt: new Date(), lastError: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "failed")))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

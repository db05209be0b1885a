import "server-only";
import type { OutboxAttachment } from "@/db/schema";
import { getDb, type Db, type Tx } from "@/db/client";
import { claimDueEmails, insertOutboxEmail, markEmailAttemptFailed, markEmailSent } from "@/db/queries/email-outbox";
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
  const id = await insertOutboxEmail(db, {
    dedupeKey: input.dedupeKey,
    template: input.template,
    toAddress: input.to,
    subject: input.subject,
    html: input.html,
    payload: { ...input.payload, ...(input.text !== undefined ? { text: input.text } : {}), requestId: currentRequestId() },
    attachments: (input.attachments ?? []).map(toOutboxAttachment),
    // The application clock, like the delivery run that compares against it.
    nextAttemptAt: new Date(),
  });
  return { queued: id !== null, id };
}

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number };

/**
 * Sends the pending emails that are due. Rows are claimed (db/queries/email-outbox) so that
 * concurrent runs (other requests, other instances) never claim the same row.
 */
export async function deliverDueEmails(
  opts: { limit?: number; now?: Date; db?: Db; transport?: EmailTransport } = {},
): Promise<DeliveryReport> {
  const db = opts.db ?? (await getDb());
  const transport = opts.transport ?? getEmailTransport();
  const now = opts.now ?? new Date();
  const claimed = await claimDueEmails(db, now, opts.limit ?? 20, new Date(now.getTime() + CLAIM_LEASE_MS));

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
      await markEmailSent(db, row.id, result.providerId, finishedAt);
      report.sent++;
      metrics().emailsSent.inc();
      continue;
    }
    const giveUp = result.permanent || row.attempts >= MAX_ATTEMPTS;
    await markEmailAttemptFailed(db, row.id, result.error, giveUp ? null : new Date(finishedAt.getTime() + retryDelayMs(row.attempts)));
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

import "server-only";
import { and, count, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { emailOutbox } from "../schema";

type NewEmail = Omit<typeof emailOutbox.$inferInsert, "id" | "status" | "attempts" | "createdAt">;

/** Inserts an email once per dedupe key; null when the key was already queued. */
export async function insertOutboxEmail(db: Db | Tx, email: NewEmail): Promise<string | null> {
  // The moment of the insert, not the transaction's start (now()): emails queued one after another
  // in one transaction (a waitlist release, in join order) keep that order.
  const rows = await db.insert(emailOutbox).values({ ...email, createdAt: sql`clock_timestamp()` }).onConflictDoNothing({ target: emailOutbox.dedupeKey }).returning({ id: emailOutbox.id });
  return rows[0]?.id ?? null;
}

/**
 * Claims up to `limit` pending emails due at `now`: one UPDATE over a FOR UPDATE SKIP LOCKED
 * selection moves them out of the due window until `leaseUntil` and counts the attempt, so
 * concurrent runs never claim the same row.
 */
export function claimDueEmails(db: Db, now: Date, limit: number, leaseUntil: Date) {
  const isDue = and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, now));
  const due = db.select({ id: emailOutbox.id }).from(emailOutbox).where(isDue).orderBy(emailOutbox.nextAttemptAt).limit(limit).for("update", { skipLocked: true });
  return (
    db
      .update(emailOutbox)
      .set({ attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: leaseUntil })
      // isDue again: a run that waited on a lock must not take a row another run just claimed.
      .where(and(inArray(emailOutbox.id, due), isDue))
      .returning()
  );
}

export async function markEmailSent(db: Db, emailId: string, providerId: string | null | undefined, at: Date) {
  await db.update(emailOutbox).set({ status: "sent", providerId, sentAt: at, lastError: null }).where(eq(emailOutbox.id, emailId));
}

/** A failed attempt: due again at `retryAt`, or given up ("failed") when there is none. */
export async function markEmailAttemptFailed(db: Db, emailId: string, error: string, retryAt: Date | null) {
  await db
    .update(emailOutbox)
    .set(retryAt ? { lastError: error, nextAttemptAt: retryAt } : { status: "failed", lastError: error })
    .where(eq(emailOutbox.id, emailId));
}

/** Puts a failed email back in the queue, due now; false when there is no failed email with this id. */
export async function requeueEmail(db: Db, emailId: string): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({ status: "pending", nextAttemptAt: new Date(), lastError: null })
    .where(and(eq(emailOutbox.id, emailId), eq(emailOutbox.status, "failed")))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

/** The newest emails, for the dev outbox page. */
export function latestOutboxEmails(db: Db, limit: number) {
  return db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
}

export async function outboxEmailById(db: Db, emailId: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, emailId));
  return row ?? null;
}

/** How many emails are in this status. */
export async function outboxCount(db: Db, status: (typeof emailOutbox.$inferSelect)["status"]): Promise<number> {
  const [row] = await db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, status));
  return Number(row?.n ?? 0);
}

import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { uniqueViolation, type Db } from "../client";
import { localCheckoutSessions } from "../schema";

// The local checkout emulator's sessions (lib/payments/local-gateway.ts): our own stand-in for
// Stripe's Checkout Sessions, so each state change is one conditional update, as Stripe's are.

export type LocalCheckoutSession = typeof localCheckoutSessions.$inferSelect;
export type NewLocalCheckoutSession = Omit<typeof localCheckoutSessions.$inferInsert, "status" | "paymentStatus" | "paymentIntentId" | "amountRefunded" | "createdAt"> & {
  idempotencyKey: string;
};

export async function localSessionById(db: Db, id: string): Promise<LocalCheckoutSession | null> {
  const [row] = await db.select().from(localCheckoutSessions).where(eq(localCheckoutSessions.id, id)).limit(1);
  return row ?? null;
}

/** Creates a session once per idempotency key: a repeated key answers with the session it made. */
export async function insertLocalSessionOnce(db: Db, session: NewLocalCheckoutSession): Promise<LocalCheckoutSession> {
  try {
    const [row] = await db.insert(localCheckoutSessions).values(session).returning();
    return row;
  } catch (err) {
    if (!uniqueViolation(err)) throw err;
    const [existing] = await db.select().from(localCheckoutSessions).where(eq(localCheckoutSessions.idempotencyKey, session.idempotencyKey));
    return existing;
  }
}

/** Expires an open session; null when it is not open (paid, already expired) or does not exist. */
export async function expireOpenLocalSession(db: Db, id: string): Promise<LocalCheckoutSession | null> {
  const [row] = await db
    .update(localCheckoutSessions)
    .set({ status: "expired" })
    .where(and(eq(localCheckoutSessions.id, id), eq(localCheckoutSessions.status, "open")))
    .returning();
  return row ?? null;
}

/**
 * Pays an open, unexpired session with `paymentIntentId`, in one conditional update: of two
 * payments at once exactly one changes the row; the other (and a session that ended) gets null.
 */
export async function payLocalSessionOnce(db: Db, id: string, paymentIntentId: string, now: Date): Promise<LocalCheckoutSession | null> {
  const [row] = await db
    .update(localCheckoutSessions)
    .set({ status: "complete", paymentStatus: "paid", paymentIntentId })
    .where(and(eq(localCheckoutSessions.id, id), eq(localCheckoutSessions.status, "open"), gt(localCheckoutSessions.expiresAt, now)))
    .returning();
  return row ?? null;
}

export async function localSessionByPaymentIntent(db: Db, paymentIntentId: string): Promise<LocalCheckoutSession | null> {
  const [row] = await db.select().from(localCheckoutSessions).where(eq(localCheckoutSessions.paymentIntentId, paymentIntentId)).limit(1);
  return row ?? null;
}

export async function setLocalSessionRefunded(db: Db, id: string, amountRefunded: number): Promise<void> {
  await db.update(localCheckoutSessions).set({ amountRefunded }).where(eq(localCheckoutSessions.id, id));
}

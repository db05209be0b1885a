import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import {
  expireOpenLocalSession,
  insertLocalSessionOnce,
  localSessionById,
  localSessionByPaymentIntent,
  payLocalSessionOnce,
  setLocalSessionRefunded,
  type LocalCheckoutSession,
} from "@/db/queries/local-payments";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { devSecret } from "@/lib/secrets/dev-secrets";
import type { PaymentGateway, SessionView } from "./gateway";

// The embedded default: a Checkout Session lives in our own table and is paid on a local page
// plainly marked as a test payment. Refused in production unless ALLOW_LOCAL_PAYMENTS=1.

export function assertLocalPaymentsAllowed() {
  const e = env();
  if (e.NODE_ENV === "production" && !e.ALLOW_LOCAL_PAYMENTS) {
    throw new AppError(
      "unavailable",
      "Payments are not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (or ALLOW_LOCAL_PAYMENTS=1 for a demo).",
    );
  }
}

const newId = (prefix: string) => `${prefix}_local_${randomBytes(12).toString("hex")}`;

type Row = LocalCheckoutSession;
function view(row: Row): SessionView {
  return {
    id: row.id,
    orderId: row.orderId,
    status: row.status,
    paymentStatus: row.paymentStatus as SessionView["paymentStatus"],
    paymentIntentId: row.paymentIntentId,
    amountTotal: row.amountTotal,
    url: row.status === "open" ? localCheckoutUrl(row) : null,
  };
}

function localCheckoutUrl(row: Pick<Row, "id" | "successUrl">): string {
  return `${new URL(row.successUrl).origin}/checkout/local/${row.id}`;
}

export async function localSession(id: string): Promise<Row | null> {
  return localSessionById(await getDb(), id);
}

export const localGateway: PaymentGateway = {
  kind: "local",
  async createCheckoutSession(input) {
    assertLocalPaymentsAllowed();
    const row = await insertLocalSessionOnce(await getDb(), {
      id: newId("cs"),
      orderId: input.orderId,
      amountTotal: input.lineItems.reduce((sum, li) => sum + li.amount, 0),
      currency: input.currency,
      customerEmail: input.customerEmail,
      lineItems: input.lineItems,
      successUrl: input.successUrl,
      cancelUrl: input.cancelUrl,
      idempotencyKey: input.idempotencyKey,
      expiresAt: input.expiresAt,
    });
    return { id: row.id, url: localCheckoutUrl(row) };
  },
  async retrieveSession(id) {
    const row = await localSession(id);
    if (!row) throw new AppError("not_found", "No such checkout session.");
    if (row.status === "open" && row.expiresAt <= new Date()) return { ...view(row), status: "expired" };
    return view(row);
  },
  async expireSession(id) {
    // Like Stripe, only an open session expires: a paid (or already expired) one is left as it is.
    const row = await expireOpenLocalSession(await getDb(), id);
    if (row) return view(row);
    const current = await localSession(id);
    if (!current) throw new AppError("not_found", "No such checkout session.");
    return view(current);
  },
  async refund({ paymentIntentId, idempotencyKey, amount }) {
    const db = await getDb();
    const row = await localSessionByPaymentIntent(db, paymentIntentId);
    if (!row || row.paymentStatus !== "paid") throw new AppError("not_found", "No such payment.");
    // The refund refers to the one payment the session took (a session is paid at most once):
    // all that is left when no amount is given, as at Stripe. The callers record each refund's id
    // before asking for another, so a partial amount is added once per idempotency key.
    const refunded = amount === undefined ? row.amountTotal : Math.min(row.amountTotal, row.amountRefunded + amount);
    await setLocalSessionRefunded(db, row.id, refunded);
    return { id: `re_local_${idempotencyKey.replace(/[^A-Za-z0-9]/g, "").slice(-24)}` };
  },
  webhookSecret() {
    return env().STRIPE_WEBHOOK_SECRET ?? `whsec_${devSecret("LOCAL_WEBHOOK_SECRET")}`;
  },
};

/**
 * The Pay button (or Decline). Like Stripe, a session is paid at most once: the state change is
 * one conditional update, so of two Pays at once (two instances, a double click) exactly one
 * creates the payment; the other finds the session complete and `paidNow` false.
 */
export async function settleLocalSession(id: string, outcome: "paid" | "declined", now = new Date()): Promise<{ row: Row; paidNow: boolean }> {
  const db = await getDb();
  const row = await localSession(id);
  if (!row) throw new AppError("not_found", "No such checkout session.");
  if (row.status === "complete" && row.paymentStatus === "paid") return { row, paidNow: false };
  if (row.status !== "open" || row.expiresAt <= now) throw new AppError("gone", "This checkout session has ended.");
  if (outcome === "declined") return { row, paidNow: false };
  const paid = await payLocalSessionOnce(db, id, newId("pi"), now);
  if (paid) return { row: paid, paidNow: true };
  const current = await localSession(id);
  if (current?.status === "complete" && current.paymentStatus === "paid") return { row: current, paidNow: false };
  throw new AppError("gone", "This checkout session has ended.");
}

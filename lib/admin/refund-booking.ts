import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { orders } from "@/db/schema";
import { closePendingOrder } from "@/lib/booking/close-order";
import { refundOrder } from "@/lib/booking/refund-order";
import { syncOrderWithSession } from "@/lib/booking/sync-order";
import { AppError } from "@/lib/errors";
import { getPayments } from "@/lib/payments";
import type { AdminActor } from "./admin-actor";
import { recordAudit } from "@/lib/audit/record-audit";

/** The box office refunds a paid booking in full: tickets voided, seats back on sale, customer emailed. */
export async function refundBooking(actor: AdminActor, input: { orderId: string }): Promise<{ result: "refunded" | "already_refunded" }> {
  const db = await getDb();
  const result = await refundOrder(db, input.orderId, "admin");
  await recordAudit(db, actor, "order.refund", { type: "order", id: input.orderId }, { result });
  return { result };
}

/**
 * The box office cancels a checkout that has not been paid: its session is expired at the
 * provider first, so the customer cannot pay for seats that were released. If the payment
 * went through in the meantime the order is fulfilled instead and the admin is told to refund.
 */
export async function cancelPendingOrder(actor: AdminActor, input: { orderId: string }): Promise<{ result: "cancelled" }> {
  const db = await getDb();
  const [order] = await db.select().from(orders).where(eq(orders.id, input.orderId));
  if (!order) throw new AppError("not_found", "That order does not exist.");
  if (order.status !== "pending") throw new AppError("conflict", `This order is ${order.status}, not waiting for payment.`);
  if (order.stripeSessionId) {
    const session = await getPayments().expireSession(order.stripeSessionId);
    if (session.paymentStatus === "paid") {
      await syncOrderWithSession(db, order.stripeSessionId);
      throw new AppError("conflict", "The customer paid just now, so the booking stands. Refund it if it should not.");
    }
  }
  if (!(await closePendingOrder(db, order.id, "cancelled"))) throw new AppError("conflict", "This order changed meanwhile; reload to see it.");
  await recordAudit(db, actor, "order.cancel", { type: "order", id: order.id }, {});
  return { result: "cancelled" };
}

import "server-only";
import { getDb } from "@/db/client";
import { orderById } from "@/db/queries/orders";
import type { AdminActor } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { abandonPendingOrder } from "./lifecycle";
import { refundOrder } from "./refund-order";

/** The box office refunds a paid booking in full: tickets voided, seats back on sale, customer emailed. */
export async function refundBooking(actor: AdminActor, input: { orderId: string }): Promise<{ result: "refunded" | "already_refunded" }> {
  const db = await getDb();
  const result = await refundOrder(db, input.orderId, "admin");
  await recordAudit(db, actor, "order.refund", { type: "order", id: input.orderId }, { result });
  return { result };
}

/**
 * The box office cancels a checkout that has not been paid. If the payment went through in the
 * meantime the order is settled instead and the admin is told to refund if it should not stand.
 */
export async function cancelPendingOrder(actor: AdminActor, input: { orderId: string }): Promise<{ result: "cancelled" }> {
  const db = await getDb();
  const order = await orderById(db, input.orderId);
  if (!order) throw new AppError("not_found", "That order does not exist.");
  if (order.status !== "pending") throw new AppError("conflict", `This order is ${order.status}, not waiting for payment.`);
  const outcome = await abandonPendingOrder(db, order);
  if (outcome === "paid") throw new AppError("conflict", "The customer paid just now, so the booking stands. Refund it if it should not.");
  if (outcome !== "cancelled") throw new AppError("conflict", "This order changed meanwhile; reload to see it.");
  await recordAudit(db, actor, "order.cancel", { type: "order", id: order.id }, {});
  return { result: "cancelled" };
}

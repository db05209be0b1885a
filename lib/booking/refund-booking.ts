import "server-only";
import { getDb } from "@/db/client";
import { orderById } from "@/db/queries/orders";
import { theaterOfOrder } from "@/db/queries/theater-scope";
import { admittedCountOfOrder } from "@/db/queries/tickets";
import type { AdminActor } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { abandonPendingOrder } from "./lifecycle";
import { refundOrder } from "./refund-order";

/**
 * The box office refunds a paid booking in full: tickets voided, seats back on sale, customer
 * emailed. When any ticket was already admitted at the door, the refund needs a reason (people
 * watched the film on it): without one nothing changes; with one it goes to the audit log.
 */
export async function refundBooking(actor: AdminActor, input: { orderId: string; reason?: string }): Promise<{ result: "refunded" | "already_refunded" }> {
  const db = await getDb();
  const reason = input.reason?.trim() || undefined;
  const order = await orderById(db, input.orderId);
  if (!order) throw new AppError("not_found", "That order does not exist.");
  const admitted = order.status === "paid" ? await admittedCountOfOrder(db, order.id) : 0;
  if (admitted > 0 && !reason) {
    throw new AppError(
      "conflict",
      `${admitted === 1 ? "1 ticket" : `${admitted} tickets`} of this booking ${admitted === 1 ? "was" : "were"} already admitted at the door. Give a reason to refund it anyway. Nothing was refunded.`,
    );
  }
  const result = await refundOrder(db, order.id, "admin");
  await recordAudit(db, actor, "order.refund", { type: "order", id: order.id, theaterId: await theaterOfOrder(db, order.id) }, {
    result,
    reference: order.reference,
    ...(admitted > 0 ? { admitted } : {}),
    ...(reason ? { reason } : {}),
  });
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
  await recordAudit(db, actor, "order.cancel", { type: "order", id: order.id, theaterId: await theaterOfOrder(db, order.id) }, { reference: order.reference });
  return { result: "cancelled" };
}

import "server-only";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { orderDetail } from "@/db/queries/orders";
import { refundOrder } from "./refund-order";

/** Latest moment a customer may cancel a booking themselves. */
export function cancellationDeadline(startsAt: Date): Date {
  return new Date(startsAt.getTime() - env().CANCELLATION_CUTOFF_MINUTES * 60_000);
}

/**
 * A customer cancels their own paid booking before the cut-off: refunded through the payments
 * module, tickets voided so the seats are on sale again, and an email sent. The caller has
 * already checked that this customer owns the order.
 */
export async function cancelBooking(db: Db, orderId: string, now = new Date()) {
  const detail = await orderDetail(db, orderId);
  if (!detail) throw new AppError("not_found", "That booking does not exist.");
  if (detail.order.status === "refunded") return "already_refunded" as const;
  if (detail.order.status !== "paid") throw new AppError("conflict", "Only a paid booking can be cancelled.");
  if (now > cancellationDeadline(detail.show.startsAt)) {
    throw new AppError("conflict", `Bookings can be cancelled until ${env().CANCELLATION_CUTOFF_MINUTES} minutes before the show. Please ask at the box office.`);
  }
  return refundOrder(db, orderId, "customer_cancelled");
}

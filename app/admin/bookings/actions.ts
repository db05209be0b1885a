"use server";
import { revalidatePath } from "next/cache";
import { orderIdSchema, partialRefundInputSchema, refundInputSchema } from "@/lib/admin/booking-input";
import { getDb } from "@/db/client";
import { cancelSeats } from "@/lib/booking/cancel-seats";
import { cancelPendingOrder, refundBooking } from "@/lib/booking/refund-booking";
import { assertInScope } from "@/lib/admin/assert-in-scope";
import { defineAction } from "@/lib/handlers/define-action";

export const refundBookingAction = defineAction(refundInputSchema, { name: "refund-booking", auth: "admin" }, async ({ orderId, reason }, { user }) => {
  await assertInScope(user, "order", orderId);
  const result = await refundBooking(user, { orderId, reason });
  revalidatePath(`/admin/bookings/${orderId}`);
  return result;
});

export const cancelPendingOrderAction = defineAction(orderIdSchema, { name: "cancel-pending-order", auth: "admin" }, async ({ orderId }, { user }) => {
  await assertInScope(user, "order", orderId);
  const result = await cancelPendingOrder(user, { orderId });
  revalidatePath(`/admin/bookings/${orderId}`);
  return result;
});

/** Refunds some seats of a paid booking (issue 23); the rest keep their tickets. */
export const refundSeatsAction = defineAction(partialRefundInputSchema, { name: "refund-seats", auth: "admin" }, async ({ orderId, seatIds, reason }, { user }) => {
  await assertInScope(user, "order", orderId);
  const outcome = await cancelSeats(await getDb(), { orderId, seatIds }, new Date(), { staff: { actor: user, reason } });
  revalidatePath(`/admin/bookings/${orderId}`);
  return outcome;
});

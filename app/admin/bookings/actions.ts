"use server";
import { revalidatePath } from "next/cache";
import { orderIdSchema, refundInputSchema } from "@/lib/admin/booking-input";
import { cancelPendingOrder, refundBooking } from "@/lib/booking/refund-booking";
import { defineAction } from "@/lib/handlers/define-action";

export const refundBookingAction = defineAction(refundInputSchema, { name: "refund-booking", auth: "admin" }, async ({ orderId, reason }, { user }) => {
  const result = await refundBooking(user, { orderId, reason });
  revalidatePath(`/admin/bookings/${orderId}`);
  return result;
});

export const cancelPendingOrderAction = defineAction(orderIdSchema, { name: "cancel-pending-order", auth: "admin" }, async ({ orderId }, { user }) => {
  const result = await cancelPendingOrder(user, { orderId });
  revalidatePath(`/admin/bookings/${orderId}`);
  return result;
});

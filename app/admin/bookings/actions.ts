"use server";
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/authz";
import { actionResult, parseAdminInput } from "@/lib/admin/action-result";
import { orderIdSchema } from "@/lib/admin/booking-input";
import { cancelPendingOrder, refundBooking } from "@/lib/booking/refund-booking";

export async function refundBookingAction(raw: unknown) {
  return actionResult(async () => {
    const actor = await requireAdmin();
    const { orderId } = parseAdminInput(orderIdSchema, raw);
    const result = await refundBooking(actor, { orderId });
    revalidatePath(`/admin/bookings/${orderId}`);
    return result;
  });
}

export async function cancelPendingOrderAction(raw: unknown) {
  return actionResult(async () => {
    const actor = await requireAdmin();
    const { orderId } = parseAdminInput(orderIdSchema, raw);
    const result = await cancelPendingOrder(actor, { orderId });
    revalidatePath(`/admin/bookings/${orderId}`);
    return result;
  });
}

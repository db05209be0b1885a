"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { viewableOrder } from "@/lib/booking/viewable-order";
import { AppError } from "@/lib/errors";
import { defineAction } from "@/lib/handlers/define-action";

export const cancelBookingAction = defineAction(z.object({ orderId: z.uuid() }), { name: "cancel-booking", auth: "customer" }, async ({ orderId }, { user }) => {
  // Ownership is checked here, not by the page: only the customer who booked may cancel.
  const { detail } = await viewableOrder(orderId);
  if (detail.order.userId !== user.id) throw new AppError("not_found", "That booking does not exist.");
  const result = await cancelBooking(await getDb(), orderId);
  revalidatePath(`/bookings/${orderId}`);
  return { result };
});

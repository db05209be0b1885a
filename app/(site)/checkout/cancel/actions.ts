"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { orderForHolder } from "@/db/queries/orders";
import { abandonPendingOrder } from "@/lib/booking/lifecycle";
import { AppError } from "@/lib/errors";
import { asFormAction, defineAction } from "@/lib/handlers/define-action";

// The cancel page's button: the one way a customer ends their own checkout. Public like the
// checkout it undoes (the holder cookie, not the session, is what ties the customer to the seats);
// only the holder whose cookie started the order may cancel it. Redirects are relative paths: the
// browser resolves them against the page it is on, never a host a request header named.
const input = z.object({ orderId: z.uuid() });

export const cancelCheckout = defineAction(input, { name: "cancel-checkout", auth: "public", holder: "read" }, async ({ orderId }, { holder }) => {
  const order = holder ? await orderForHolder(await getDb(), holder, orderId) : null;
  // Someone else's order (or none) looks the same as a missing one: nothing to learn, nothing changed.
  if (!order) throw new AppError("not_found", "We could not find that checkout.");
  // Paid in the meantime: a payment is never cancelled; the success page shows how it was settled.
  if ((await abandonPendingOrder(await getDb(), order)) === "paid") redirect(`/checkout/success?session_id=${order.stripeSessionId}`);
  redirect(`/shows/${order.showId}?cancelled=1`);
});

export const cancelCheckoutForm = asFormAction(cancelCheckout);

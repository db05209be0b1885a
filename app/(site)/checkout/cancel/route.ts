import { NextResponse, type NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { orders } from "@/db/schema";
import { readHolderId } from "@/lib/booking/holder";
import { closePendingOrder } from "@/lib/booking/close-order";
import { defineRoute } from "@/lib/handlers/define-route";
import { getPayments } from "@/lib/payments";

// Stripe's Cancel link. Only the customer whose holder cookie started the order may cancel it:
// the session is expired through the API (so it can no longer be paid) and the seats released.
export const GET = defineRoute("/checkout/cancel", { auth: "public" }, async (request) => {
  const req = request as NextRequest;
  const orderId = req.nextUrl.searchParams.get("order") ?? "";
  const home = new URL("/", req.nextUrl);
  if (!z.uuid().safeParse(orderId).success) return NextResponse.redirect(home, 303);
  const db = await getDb();
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId)).limit(1);
  const holder = await readHolderId();
  if (!order || !holder || order.holderId !== holder) return NextResponse.redirect(home, 303);
  if (order.status === "pending") {
    if (order.stripeSessionId) {
      const session = await getPayments().expireSession(order.stripeSessionId);
      // Paid in the meantime: the webhook or success page will fulfil; never cancel a payment.
      if (session.paymentStatus === "paid") return NextResponse.redirect(new URL(`/checkout/success?session_id=${session.id}`, req.nextUrl), 303);
    }
    await closePendingOrder(db, order.id, "cancelled");
  }
  return NextResponse.redirect(new URL(`/shows/${order.showId}?cancelled=1`, req.nextUrl), 303);
});

import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { configuredAppUrl } from "@/lib/app-url";
import { orderForHolder } from "@/db/queries/orders";
import { readHolderId } from "@/lib/booking/holder";
import { abandonPendingOrder } from "@/lib/booking/lifecycle";
import { defineRoute } from "@/lib/handlers/define-route";

// Stripe's Cancel link. Only the customer whose holder cookie started the order may cancel it:
// the session is expired through the API (so it can no longer be paid) and the seats released.
export const GET = defineRoute("/checkout/cancel", { auth: "public" }, async (request) => {
  const req = request as NextRequest;
  const orderId = req.nextUrl.searchParams.get("order") ?? "";
  // Redirects on the configured origin: req.nextUrl's host is whatever the request's Host said.
  const site = configuredAppUrl();
  const home = new URL("/", site);
  const holder = await readHolderId();
  if (!z.uuid().safeParse(orderId).success || !holder) return NextResponse.redirect(home, 303);
  const db = await getDb();
  const order = await orderForHolder(db, holder, orderId);
  if (!order) return NextResponse.redirect(home, 303);
  // Paid in the meantime: never cancel a payment; the success page shows how it was settled.
  if ((await abandonPendingOrder(db, order)) === "paid") {
    return NextResponse.redirect(new URL(`/checkout/success?session_id=${order.stripeSessionId}`, site), 303);
  }
  return NextResponse.redirect(new URL(`/shows/${order.showId}?cancelled=1`, site), 303);
});

import { appUrl } from "@/lib/app-url";
import { viewableOrder } from "@/lib/booking/viewable-order";
import { orderIcs } from "@/lib/booking/ticket-bundle";
import { defineRoute } from "@/lib/handlers/define-route";

// "Add to calendar" for a booking: signed in, and then owner or admin only (anyone else: 404).
export const GET = defineRoute<"customer", { orderId: string }>("/api/bookings/[orderId]/ics", { auth: "customer" }, async (_req, { params }) => {
  const { detail } = await viewableOrder((await params).orderId);
  return new Response(orderIcs(detail, await appUrl()), {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="marquee-${detail.order.id.slice(0, 8)}.ics"`, "cache-control": "private, no-store" },
  });
});

import { viewableOrder } from "@/lib/booking/viewable-order";
import { orderPdf } from "@/lib/booking/ticket-bundle";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/handlers/define-route";

// The booking's tickets as a PDF: signed in, and then owner or admin only (anyone else: 404).
export const GET = defineRoute<"customer", { orderId: string }>("/api/bookings/[orderId]/pdf", { auth: "customer" }, async (_req, { params }) => {
  const { detail } = await viewableOrder((await params).orderId);
  if (detail.order.status !== "paid") throw new AppError("not_found", "This booking has no tickets.");
  const pdf = await orderPdf(detail);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="marquee-tickets-${detail.order.id.slice(0, 8)}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
});

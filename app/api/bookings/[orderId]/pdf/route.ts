import { viewableOrder } from "@/lib/booking/viewable-order";
import { orderPdf } from "@/lib/booking/ticket-bundle";
import { AppError, errorResponse } from "@/lib/errors";

// The booking's tickets as a PDF: owner or admin only; anyone else gets 404.
export async function GET(_req: Request, ctx: { params: Promise<{ orderId: string }> }) {
  try {
    const { detail } = await viewableOrder((await ctx.params).orderId);
    if (detail.order.status !== "paid") throw new AppError("not_found", "This booking has no tickets.");
    const pdf = await orderPdf(detail);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="marquee-tickets-${detail.order.id.slice(0, 8)}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}

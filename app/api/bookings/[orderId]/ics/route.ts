import { appUrl } from "@/lib/app-url";
import { viewableOrder } from "@/lib/booking/viewable-order";
import { orderIcs } from "@/lib/booking/ticket-bundle";
import { errorResponse } from "@/lib/errors";

// "Add to calendar" for a booking: owner or admin only.
export async function GET(_req: Request, ctx: { params: Promise<{ orderId: string }> }) {
  try {
    const { detail } = await viewableOrder((await ctx.params).orderId);
    return new Response(orderIcs(detail, await appUrl()), {
      headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="marquee-${detail.order.id.slice(0, 8)}.ics"`, "cache-control": "private, no-store" },
    });
  } catch (err) {
    return errorResponse(err);
  }
}

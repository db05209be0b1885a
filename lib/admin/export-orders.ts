import "server-only";
import { z } from "zod";
import { badInput } from "@/lib/errors";
import { getDb } from "@/db/client";
import { ordersForExport } from "@/db/queries/admin-orders-export";
import { formatMoneyInput } from "@/lib/money";
import { shortSeatLabel } from "@/lib/seat-map/format";
import { addDays, isIsoDate, localDate } from "@/lib/time";
import type { AdminActor } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { csvRow } from "./csv";
import { reportTheaters, windowsOf } from "./dashboard-data";

/** "2 Adult, 1 Child", in the order the types first appear on the order's seats. */
function ticketTypesInWords(seats: readonly { ticketTypeName: string }[]): string {
  const counts = new Map<string, number>();
  for (const s of seats) counts.set(s.ticketTypeName, (counts.get(s.ticketTypeName) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${n} ${name}`).join(", ");
}

/**
 * Optional local dates (the default is the last 30 days including today) and one theater (issue
 * 19; the default is every theater the actor may see, each by its own calendar days).
 */
export const exportOrdersSchema = z.object({
  from: z.string().refine(isIsoDate, "Use a date like 2025-01-31.").optional(),
  to: z.string().refine(isIsoDate, "Use a date like 2025-01-31.").optional(),
  theater: z.string().trim().min(1, "Choose a theater.").max(64, "Choose a theater.").optional(),
});

// total is gross (what was charged); net = total − tax; booking_fees (per-ticket and per-order)
// and discount are parts of it, as the order's lines recorded them (issue 18).
const HEADER = ["order_id", "status", "refund_reason", "channel", "payment_method", "sold_by", "email", "created_at", "paid_at", "refunded_at", "theater", "movie", "show_starts_local", "screen", "seats", "tickets", "total", "currency", "ticket_types", "net", "tax", "booking_fees", "discount", "promo_code"];

/**
 * The orders CSV as a stream (so a big export starts at once and stays small in memory), after
 * auditing who took it. A theater outside the actor's scope is refused as not found.
 */
export async function exportOrdersCsv(actor: AdminActor, input: z.infer<typeof exportOrdersSchema>, now = new Date()) {
  const db = await getDb();
  const { chosen, theaters } = await reportTheaters(db, actor, input.theater);
  // "Today" of the theater furthest ahead, so nothing sold today anywhere is left out.
  const today = theaters.map((t) => localDate(now, t.timeZone)).reduce((a, b) => (b > a ? b : a), "0000-00-00");
  const to = input.to ?? (theaters.length ? today : localDate(now, "UTC"));
  const from = input.from ?? addDays(to, -29);
  if (from > to) throw badInput({ from: ["The start date is after the end date."] });
  // The whole of both end days, by each theater's own calendar.
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  await recordAudit(db, actor, "orders.export", { type: "orders", id: null, theaterId: chosen?.id ?? null }, { from, to, theater: chosen?.name ?? null });

  const encoder = new TextEncoder();
  const rows = ordersForExport(db, windowsOf(theaters, from, days));
  const local = (d: Date, timeZone: string) => new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" }).format(d);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(HEADER)));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) return controller.close();
      const { order, movie, show, screen, theater, seats, seller } = next.value;
      const money = (minor: number) => formatMoneyInput(minor, order.currency);
      controller.enqueue(
        encoder.encode(
          csvRow([
            order.id,
            order.status,
            order.refundReason,
            order.channel,
            order.paymentMethod,
            seller,
            order.email,
            order.createdAt.toISOString(),
            order.paidAt?.toISOString(),
            order.refundedAt?.toISOString(),
            theater.name,
            movie.title,
            local(show.startsAt, theater.timeZone),
            screen.name,
            seats.map((s) => shortSeatLabel({ row: s.rowLabel, number: s.seatNumber })).join(" "),
            seats.length,
            money(order.totalAmount),
            order.currency.toUpperCase(),
            ticketTypesInWords(seats),
            money(order.totalAmount - order.taxAmount),
            money(order.taxAmount),
            // As the receipt lists them: an added tax on the order fee is tax, not fee.
            money(seats.reduce((sum, s) => sum + s.fee, 0) + order.orderFee - (order.taxIncluded ? 0 : order.orderFeeTax)),
            money(order.discountAmount),
            order.promoCode,
          ]),
        ),
      );
    },
  });
  return { stream, filename: `marquee-orders-${chosen ? `${chosen.slug}-` : ""}${from}-to-${to}.csv` };
}

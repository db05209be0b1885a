import { qrSvg } from "@/lib/tickets/qr";
import { formatMoney } from "@/lib/money";
import { seatLabel } from "@/lib/booking/seat-label";

type Item = { ticket: { id: string; status: string }; seat: { rowLabel: string; seatNumber: number; tier: string; amount: number; ticketTypeName?: string }; code: string };

/** Tickets as the door scans them: one QR per seat, with the seat written beside it. */
export async function TicketList({ items, currency }: { items: Item[]; currency: string }) {
  const svgs = await Promise.all(items.map((i) => qrSvg(i.code)));
  return (
    <ul className="grid gap-4 sm:grid-cols-2" data-testid="tickets">
      {items.map((item, i) => (
        <li key={item.ticket.id} className="flex items-center gap-4 rounded-xl border border-line bg-panel p-3" data-testid="ticket">
          <div className="w-32 shrink-0 rounded bg-white p-1" role="img" aria-label={`QR code for ${seatLabel(item.seat.rowLabel, item.seat.seatNumber)}`} dangerouslySetInnerHTML={{ __html: svgs[i] }} />
          <div className="space-y-1">
            <p className="font-semibold">{seatLabel(item.seat.rowLabel, item.seat.seatNumber)}</p>
            <p className="text-sm text-zinc-300">
              {item.seat.ticketTypeName ? `${item.seat.ticketTypeName} · ` : ""}
              <span className="capitalize">{item.seat.tier}</span> · {formatMoney(item.seat.amount, currency)}
            </p>
            <p className="text-xs text-zinc-300">{item.ticket.status === "admitted" ? "Admitted" : "Valid"}</p>
            <p className="break-all font-mono text-[0.65rem] text-zinc-400">{item.code}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

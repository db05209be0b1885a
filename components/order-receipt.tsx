import { seatLabel } from "@/lib/booking/seat-label";
import { orderReceipt } from "@/lib/booking/order-receipt";
import { formatMoney } from "@/lib/money";
import { lineDescription } from "@/lib/pricing/line-text";

type Props = {
  order: Parameters<typeof orderReceipt>[0]["order"];
  seats: readonly { seatId: string; rowLabel: string; seatNumber: number; tier: string; ticketTypeName: string; price: number; fee: number; tax: number; discount: number; amount: number }[];
};

/** Receipt-style: every seat with its type and line, then tickets by type, fees, tax, discount, total — as charged. */
export function OrderReceipt(detail: Props) {
  const { currency, taxIncluded } = detail.order;
  const money = (minor: number) => formatMoney(minor, currency);
  const r = orderReceipt(detail);
  return (
    <section aria-labelledby="receipt" data-testid="receipt" className="space-y-2 rounded-xl border border-line bg-panel p-4">
      <h2 id="receipt" className="font-semibold">Receipt</h2>
      <ul className="space-y-1 text-sm">
        {detail.seats.map((s) => (
          <li key={s.seatId} className="flex justify-between gap-3">
            <span>
              {seatLabel(s.rowLabel, s.seatNumber)} · <span className="capitalize">{s.tier}</span>
              <span className="block text-xs text-zinc-300">{lineDescription(s, currency, taxIncluded)}</span>
            </span>
            <span className="font-mono tabular-nums">{money(s.amount)}</span>
          </li>
        ))}
      </ul>
      <dl className="space-y-1 border-t border-line pt-2 text-sm">
        {r.tickets.map((t) => (
          <Row key={t.label} label={t.label} value={money(t.amount)} />
        ))}
        {r.fees > 0 && <Row label="Booking fees" value={money(r.fees)} />}
        {r.addedTax > 0 && <Row label="Tax" value={money(r.addedTax)} />}
        {r.discount > 0 && <Row label={r.promoCode ? `Discount (${r.promoCode})` : "Discount"} value={`−${money(r.discount)}`} />}
        <Row label="Total" value={money(r.total)} strong />
        {r.includedTax > 0 && <Row label="Includes tax" value={money(r.includedTax)} />}
      </dl>
    </section>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-3 ${strong ? "font-semibold text-white" : "text-zinc-200"}`} data-testid={strong ? "receipt-total" : undefined}>
      <dt>{label}</dt>
      <dd className="font-mono tabular-nums">{value}</dd>
    </div>
  );
}

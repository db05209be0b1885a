"use client";
import { useEffect, useMemo, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { computeBasket, feeOfType, listedPrice } from "@/lib/pricing/engine";
import { receiptOf, receiptRows } from "@/lib/pricing/receipt";
import type { PromoCodeView, ShowPricing, TicketTypeView } from "@/lib/pricing/types";

// The summary's ticket types and promo code (issue 18), loaded when the first seat is the
// customer's (not in the showtime page's first-load JavaScript). Steppers per type ("2 Adult,
// 1 Child"), every seat Adult (the first type offered) until changed; the lines and total are
// priced here at once by the same engine the server charges with — the server prices again and
// never takes these numbers. The choice goes with the Continue form as hidden fields.

export type PickerSeat = { id: string; tier: string };

type Props = {
  pricing: ShowPricing;
  seats: readonly PickerSeat[];
  /** The Continue form the hidden fields belong to. */
  formId: string;
  checkPromo: (input: { showId: string; code: string }) => Promise<ActionResult<PromoCodeView>>;
  /** The total as text for the summary's Total line, or null while the choice cannot be priced. */
  onTotal: (text: string | null) => void;
};

/** seat id → type id: each tier's seats (in the order given) take the types in display order. */
export function assignTypes(seats: readonly PickerSeat[], counts: Record<string, Record<string, number>>, offered: (tier: string) => TicketTypeView[]): Record<string, string> {
  const out: Record<string, string> = {};
  const byTier = new Map<string, PickerSeat[]>();
  for (const s of seats) byTier.set(s.tier, [...(byTier.get(s.tier) ?? []), s]);
  for (const [tier, tierSeats] of byTier) {
    const types = offered(tier);
    if (!types.length) continue;
    const queue: string[] = [];
    for (const t of types.slice(1)) for (let i = 0; i < (counts[tier]?.[t.id] ?? 0); i++) queue.push(t.id);
    tierSeats.forEach((s, i) => (out[s.id] = queue[i] ?? types[0].id));
  }
  return out;
}

export function TicketTypes({ pricing, seats, formId, checkPromo, onTotal }: Props) {
  const { theater, currency } = pricing;
  const money = (minor: number) => formatMoney(minor, currency);
  const childBarred = theater.adultsOnlyRatings.includes(pricing.rating);
  const offeredByTier = useMemo(
    () => new Map(Object.keys(pricing.prices).map((tier) => [tier, pricing.types.filter((t) => pricing.prices[tier][t.id] !== undefined && !(t.child && childBarred))])),
    [pricing, childBarred],
  );
  const offered = (tier: string): TicketTypeView[] => offeredByTier.get(tier) ?? [];
  const tiers = [...new Set(seats.map((s) => s.tier))];
  const [counts, setCounts] = useState<Record<string, Record<string, number>>>({});
  const [promo, setPromo] = useState<PromoCodeView | null>(null);
  const [typed, setTyped] = useState("");
  const [promoMessage, setPromoMessage] = useState<string | null>(null);
  const [checking, startChecking] = useTransition();

  const seatsOf = (tier: string) => seats.filter((s) => s.tier === tier).length;
  // A count never outlives the seats it was for (a seat released drops the last extra type).
  const countOf = (tier: string, typeId: string) => {
    const types = offered(tier).slice(1);
    let left = seatsOf(tier);
    for (const t of types) {
      const n = Math.min(counts[tier]?.[t.id] ?? 0, left);
      if (t.id === typeId) return n;
      left -= n;
    }
    return left;
  };
  const change = (tier: string, typeId: string, by: 1 | -1) =>
    setCounts((c) => ({ ...c, [tier]: { ...c[tier], [typeId]: Math.max(0, countOf(tier, typeId) + by) } }));

  const clamped = Object.fromEntries(tiers.map((tier) => [tier, Object.fromEntries(offered(tier).slice(1).map((t) => [t.id, countOf(tier, t.id)]))]));
  const types = assignTypes(seats, clamped, offered);
  const basketSeats = seats.filter((s) => types[s.id]).map((s) => ({ seatId: s.id, tier: s.tier, ticketTypeId: types[s.id] }));
  const snapshot = { cardId: null, cardName: "", takenAt: "", prices: pricing.prices };
  const input = { snapshot, types: pricing.types, theaterId: pricing.theaterId, theater, rating: pricing.rating, seats: basketSeats };
  const withPromo = promo ? computeBasket({ ...input, promo }) : null;
  const result = withPromo?.ok ? withPromo : computeBasket(input);
  const promoProblem = withPromo && !withPromo.ok ? withPromo.message : null;
  const appliedCode = withPromo?.ok ? promo!.code : "";
  const totalText = result.ok ? money(result.basket.total) : null;
  useEffect(() => onTotal(totalText), [onTotal, totalText]);
  useEffect(() => () => onTotal(null), [onTotal]);

  const apply = () =>
    startChecking(async () => {
      const r = await checkPromo({ showId: pricing.showId, code: typed });
      if (r.ok) {
        setPromo(r.data);
        setPromoMessage(null);
      } else {
        setPromo(null);
        setPromoMessage(r.message);
      }
    });

  return (
    <div data-testid="ticket-types" className="space-y-3 rounded-xl border border-line bg-panel px-4 py-3">
      <h2 className="font-semibold text-white">Tickets</h2>
      {tiers.map((tier) => (
        <fieldset key={tier} className="space-y-2">
          {tiers.length > 1 && <legend className="text-sm capitalize text-zinc-300">{tier} seats</legend>}
          {offered(tier).map((t, i) => {
            const n = countOf(tier, t.id);
            const price = listedPrice(pricing.prices[tier][t.id], feeOfType(t, theater), theater);
            const canAdd = i > 0 && countOf(tier, offered(tier)[0].id) > 0;
            return (
              <div key={t.id} className="flex items-center gap-3" data-testid={`type-${t.name}`}>
                <div className="min-w-0 flex-1">
                  <p className="text-sm text-white">
                    {t.name} <span className="text-zinc-300">{money(price)}</span>
                  </p>
                  {t.note && <p className="text-xs text-zinc-300">{t.note}</p>}
                </div>
                {i === 0 ? (
                  <output className="w-[7.5rem] text-center font-mono tabular-nums" aria-label={`${t.name}: ${n}`}>
                    {n}
                  </output>
                ) : (
                  <div className="flex items-center gap-1">
                    <Stepper label={`One ${t.name} ticket fewer`} disabled={n === 0} onClick={() => change(tier, t.id, -1)}>
                      −
                    </Stepper>
                    <output className="w-8 text-center font-mono tabular-nums" aria-label={`${t.name}: ${n}`}>
                      {n}
                    </output>
                    <Stepper label={`One ${t.name} ticket more`} disabled={!canAdd} onClick={() => change(tier, t.id, 1)}>
                      +
                    </Stepper>
                  </div>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      {childBarred && pricing.types.some((t) => t.child) && <p className="text-xs text-zinc-300">Child tickets are not sold for this {pricing.rating}-rated movie.</p>}

      <div className="flex items-end gap-2">
        <label className="min-w-0 flex-1 text-sm text-zinc-200">
          Promo code
          <input
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                apply();
              }
            }}
            autoCapitalize="characters"
            className="mt-1 h-11 w-full rounded-lg border border-zinc-500 bg-ink px-3 text-white"
          />
        </label>
        <button type="button" onClick={apply} disabled={checking || !typed.trim()} className="h-11 rounded-lg border border-zinc-400 px-4 text-sm font-semibold text-white disabled:opacity-60">
          {checking ? "Checking…" : "Apply"}
        </button>
      </div>
      {(promoMessage || promoProblem) && (
        <p role="alert" className="text-sm text-amber-200">
          {promoMessage ?? promoProblem}
        </p>
      )}

      {result.ok ? (
        <dl data-testid="price-lines" className="space-y-1 text-sm">
          {receiptRows(receiptOf({ ...result.basket, promoCode: result.basket.promo?.code ?? null }), money)
            .filter((row) => row.label !== "Total")
            .map((row) => (
            <div key={row.label} className="flex justify-between gap-3 text-zinc-200">
              <dt>{row.label}</dt>
              <dd className="font-mono tabular-nums">{row.amount}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p role="alert" className="text-sm text-amber-200">
          {result.message}
        </p>
      )}
      <input type="hidden" form={formId} name="types" value={Object.entries(types).map(([seat, type]) => `${seat}:${type}`).join(",")} />
      <input type="hidden" form={formId} name="promo" value={appliedCode} />
    </div>
  );
}

function Stepper({ label, disabled, onClick, children }: { label: string; disabled: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-disabled={disabled}
      onClick={() => !disabled && onClick()}
      className={`h-11 w-11 rounded-lg border text-lg font-semibold ${disabled ? "border-zinc-600 text-zinc-400" : "border-zinc-400 text-white hover:bg-zinc-800"}`}
    >
      {children}
    </button>
  );
}

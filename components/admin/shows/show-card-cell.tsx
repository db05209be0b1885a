"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { formatMoney } from "@/lib/money";
import { ActionOutcome } from "@/components/admin/pricing/action-outcome";
import { useAdminAction, type AdminAction } from "@/components/admin/pricing/use-admin-action";

type Card = { id: string; name: string };

/**
 * A show's price card, why it has it, its "from" prices, and — until it starts — a way to put it
 * on another card or back on the rules. Editing a card does not move a show with orders; moving
 * it here does, for new sales only (its orders keep what they were priced at).
 */
export function ShowCardCell({ showId, what, cardName, why, fromPrices, currency, editable, hasOrders, cards, setCard }: { showId: string; what: string; cardName: string; why: string; fromPrices: Record<string, number>; currency: string; editable: boolean; hasOrders: boolean; cards: Card[]; setCard: AdminAction<unknown> }) {
  const id = useId();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const call = useAdminAction(setCard, () => {
    setOpen(false);
    router.refresh();
  });
  return (
    <div className="space-y-1 text-xs">
      <p>
        <span className="font-semibold">{cardName}</span> <span className="text-zinc-300">({why})</span>
      </p>
      <p className="text-zinc-300">
        from{" "}
        {Object.entries(fromPrices)
          .map(([tier, minor]) => `${tier} ${formatMoney(minor, currency)}`)
          .join(", ")}
      </p>
      {editable ? (
        open ? (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              call.run({ showId, priceCardId: new FormData(e.currentTarget).get("priceCardId") }, e.currentTarget);
            }}
          >
            <label htmlFor={`${id}-card`} className="sr-only">
              Price card for {what}
            </label>
            <select id={`${id}-card`} name="priceCardId" className="h-8 rounded-md border border-line bg-ink px-2 text-white">
              <option value="">By the rules</option>
              {cards.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <button disabled={call.pending} className="h-8 rounded-md bg-gold px-2 font-semibold text-ink disabled:opacity-60">
              Use card
            </button>
            {hasOrders && <p className="w-full text-zinc-300">Its orders keep their prices; new sales use this card.</p>}
          </form>
        ) : (
          <button type="button" onClick={() => setOpen(true)} className="inline-block min-h-6 text-gold underline-offset-2 hover:underline" aria-label={`Change the price card of ${what}`}>
            Change card
          </button>
        )
      ) : null}
      {editable && hasOrders && <p className="text-zinc-300">Has orders: card edits no longer move its prices.</p>}
      {call.result?.ok === false && <ActionOutcome result={call.result} />}
    </div>
  );
}

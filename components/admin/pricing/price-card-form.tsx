"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { inputClass, LabelledField } from "@/components/admin/forms/labelled-field";
import { ActionOutcome } from "./action-outcome";
import { CardRulesFields, type CardRules } from "./card-rules-fields";
import { PriceGrid, type GridTier, type GridType, type PriceTexts } from "./price-grid";
import { useAdminAction, type AdminAction } from "./use-admin-action";

/** What saving a card did to the shows using it: nothing, by the snapshot rule (docs/decisions.md). */
function savedMessage({ comingShows, comingShowsWithOrders, followed }: SavedCard): string {
  if (comingShows === 0 && followed === 0) return "Card saved. New shows that fit its rules get these prices.";
  const kept = comingShowsWithOrders;
  return `Card saved. ${followed} show${followed === 1 ? "" : "s"} without orders now sell${followed === 1 ? "s" : ""} at these prices; ${kept} coming show${kept === 1 ? "" : "s"} with orders keep${kept === 1 ? "s" : ""} the prices ${kept === 1 ? "it was" : "they were"} sold at.`;
}

type SavedCard = { id: string; comingShows: number; comingShowsWithOrders: number; followed: number };

export type PriceCardFormValues = CardRules & { id?: string; name: string; priority: string; prices: PriceTexts };

/** Create or edit a price card: its name, its rules and its price grid, saved as one. */
export function PriceCardForm({ theaterId, card, tiers, types, formats, currency, save }: { theaterId: string; card: PriceCardFormValues; tiers: GridTier[]; types: GridType[]; formats: string[]; currency: string; save: AdminAction<SavedCard> }) {
  const router = useRouter();
  const [values, setValues] = useState(card);
  const saving = useAdminAction(save, (data) => (card.id ? router.refresh() : router.push(`/admin/pricing/cards/${data.id}?created=1`)));
  const saved = saving.result?.ok ? saving.result.data : null;
  const setPrice = (tier: string, typeId: string, value: string) => setValues((v) => ({ ...v, prices: { ...v.prices, [tier]: { ...v.prices[tier], [typeId]: value } } }));

  return (
    <form
      noValidate
      className="max-w-3xl space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        saving.run({ ...values, theaterId }, e.currentTarget);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <LabelledField id="card-name" label="Card name" errors={saving.errors.name}>
          <input value={values.name} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} maxLength={60} placeholder="Matinee" className={inputClass} />
        </LabelledField>
        <LabelledField id="card-priority" label="Priority" hint="Higher wins when cards overlap" errors={saving.errors.priority}>
          <input inputMode="numeric" value={values.priority} onChange={(e) => setValues((v) => ({ ...v, priority: e.target.value }))} className={inputClass} />
        </LabelledField>
      </div>
      <section aria-labelledby="card-rules-heading" className="space-y-2">
        <h2 id="card-rules-heading" className="text-lg font-semibold">
          When this card applies
        </h2>
        <CardRulesFields rules={values} formats={formats} errors={saving.errors} onChange={(rules) => setValues((v) => ({ ...v, ...rules }))} />
      </section>
      <section aria-labelledby="card-prices-heading" className="space-y-2">
        <h2 id="card-prices-heading" className="text-lg font-semibold">
          Prices
        </h2>
        <PriceGrid tiers={tiers} types={types} prices={values.prices} errors={saving.errors} currency={currency} onChange={setPrice} />
      </section>
      <div className="flex flex-wrap items-center gap-4">
        <button disabled={saving.pending} className="rounded-lg bg-gold px-4 py-2 font-semibold text-ink disabled:opacity-60">
          {saving.pending ? "Saving…" : card.id ? "Save card" : "Create card"}
        </button>
        <ActionOutcome result={saving.result} saved={saved ? savedMessage(saved) : "Card saved."} />
      </div>
    </form>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { inputClass, LabelledField } from "@/components/admin/forms/labelled-field";
import { ActionOutcome } from "./action-outcome";
import { useAdminAction, type AdminAction } from "./use-admin-action";

export type FeesAndTaxValues = { feePerTicket: string; feePerOrder: string; feesIncluded: boolean; taxRate: string; taxIncluded: boolean; adultsOnlyRatings: string[] };
type TypeFee = { id: string; name: string; fee: string; child: boolean };

const box = "h-4 w-4 accent-[#f5c451]";

/** The theater's booking fees (one per ticket, per type if it differs, one per order) and its tax. */
export function FeesAndTaxForm({ theaterId, values, types, ratings, currency, save }: { theaterId: string; values: FeesAndTaxValues; types: TypeFee[]; ratings: readonly string[]; currency: string; save: AdminAction<unknown> }) {
  const router = useRouter();
  const saving = useAdminAction(save, () => router.refresh());
  const errors = saving.errors;
  const cur = currency.toUpperCase();
  return (
    <form
      noValidate
      className="max-w-2xl space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const text = (name: string) => String(form.get(name) ?? "");
        saving.run(
          {
            theaterId,
            feePerTicket: text("feePerTicket"),
            feePerOrder: text("feePerOrder"),
            typeFees: Object.fromEntries(types.map((t) => [t.id, text(`typeFee.${t.id}`)])),
            feesIncluded: form.get("feesIncluded") === "all-in",
            taxRate: text("taxRate"),
            taxIncluded: form.get("taxIncluded") === "included",
            adultsOnlyRatings: form.getAll("adultsOnlyRatings").map(String),
          },
          e.currentTarget,
        );
      }}
    >
      <fieldset className="space-y-3 rounded-xl border border-line bg-panel p-4">
        <legend className="px-1 text-lg font-semibold">Booking fees</legend>
        <div className="grid grid-cols-2 gap-3">
          <LabelledField id="fee-ticket" label={`Per ticket (${cur})`} errors={errors.feePerTicket}>
            <input name="feePerTicket" inputMode="decimal" defaultValue={values.feePerTicket} placeholder="0.00" className={inputClass} />
          </LabelledField>
          <LabelledField id="fee-order" label={`Per order (${cur})`} errors={errors.feePerOrder}>
            <input name="feePerOrder" inputMode="decimal" defaultValue={values.feePerOrder} placeholder="0.00" className={inputClass} />
          </LabelledField>
        </div>
        {types.length > 0 && (
          <fieldset>
            <legend className="text-sm font-medium">Per-ticket fee by type <span className="font-normal text-zinc-300">(empty: the fee above)</span></legend>
            <div className="mt-1 grid grid-cols-2 gap-3 sm:grid-cols-4">
              {types.map((t) => (
                <LabelledField key={t.id} id={`fee-type-${t.id}`} label={t.name} errors={errors[`typeFees.${t.id}`]}>
                  <input name={`typeFee.${t.id}`} inputMode="decimal" defaultValue={t.fee} className={inputClass} />
                </LabelledField>
              ))}
            </div>
          </fieldset>
        )}
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Listed prices</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="feesIncluded" value="all-in" defaultChecked={values.feesIncluded} className={`${box} mt-0.5`} />
            Include the per-ticket fee (all-in prices, as the UK and EU require)
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="feesIncluded" value="apart" defaultChecked={!values.feesIncluded} className={`${box} mt-0.5`} />
            Show the fee as a separate line
          </label>
        </fieldset>
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-line bg-panel p-4">
        <legend className="px-1 text-lg font-semibold">Tax</legend>
        <LabelledField id="tax-rate" label="Tax rate (%)" hint="e.g. 20 for VAT, 8.25 for a sales tax; 0 for none" errors={errors.taxRate}>
          <input name="taxRate" inputMode="decimal" defaultValue={values.taxRate} className={`${inputClass} max-w-40`} />
        </LabelledField>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Prices and tax</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="taxIncluded" value="included" defaultChecked={values.taxIncluded} className={`${box} mt-0.5`} />
            Prices include the tax (VAT style)
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="taxIncluded" value="added" defaultChecked={!values.taxIncluded} className={`${box} mt-0.5`} />
            Tax is added on top (US sales-tax style)
          </label>
        </fieldset>
      </fieldset>

      <fieldset className="space-y-2 rounded-xl border border-line bg-panel p-4">
        <legend className="px-1 text-lg font-semibold">Child tickets and age ratings</legend>
        <p className="text-sm text-zinc-300">Child tickets ({types.filter((t) => t.child).map((t) => t.name).join(", ") || "no type is marked as a child ticket"}) are refused for movies rated:</p>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {ratings.map((r) => (
            <label key={r} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="adultsOnlyRatings" value={r} defaultChecked={values.adultsOnlyRatings.includes(r)} className={box} />
              {r}
            </label>
          ))}
        </div>
        {errors.adultsOnlyRatings && <p className="text-sm text-red-300">{errors.adultsOnlyRatings[0]}</p>}
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <button disabled={saving.pending} className="rounded-lg bg-gold px-4 py-2 font-semibold text-ink disabled:opacity-60">
          {saving.pending ? "Saving…" : "Save fees and tax"}
        </button>
        <ActionOutcome result={saving.result} saved="Fees and tax saved. They apply to checkouts from now on." />
      </div>
    </form>
  );
}

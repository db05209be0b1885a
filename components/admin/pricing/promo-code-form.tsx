"use client";
import { useRouter } from "next/navigation";
import { WEEKDAYS } from "@/lib/pricing-admin/price-card-input";
import type { PromoFormValues } from "@/lib/pricing-admin/promo-code-input";
import { inputClass, LabelledField } from "@/components/admin/forms/labelled-field";
import { ActionOutcome } from "./action-outcome";
import { useAdminAction, type AdminAction } from "./use-admin-action";

type Choice = { id: string; label: string };

const box = "h-4 w-4 accent-[#f5c451]";

function Checkboxes({ legend, name, choices, checked, errors }: { legend: string; name: string; choices: Choice[]; checked: string[]; errors?: string[] }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">
        {legend} <span className="font-normal text-zinc-300">(none ticked: any)</span>
      </legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
        {choices.map((c) => (
          <label key={c.id} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name={name} value={c.id} defaultChecked={checked.includes(c.id)} className={box} />
            {c.label}
          </label>
        ))}
      </div>
      {errors && <p className="text-sm text-red-300">{errors[0]}</p>}
    </fieldset>
  );
}

/** Create or edit a promo code: its discount, when it is valid, what it is limited to, how often it may be used. */
export function PromoCodeForm({ theaterId, promo, movies, shows, types, currency, save }: { theaterId: string; promo: PromoFormValues; movies: Choice[]; shows: Choice[]; types: Choice[]; currency: string; save: AdminAction<{ id: string; code: string }> }) {
  const router = useRouter();
  const saving = useAdminAction(save, (data) => (promo.id ? router.refresh() : router.push(`/admin/promo-codes?created=${encodeURIComponent(data.code)}`)));
  const errors = saving.errors;
  return (
    <form
      noValidate
      className="max-w-2xl space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const text = (name: string) => String(form.get(name) ?? "");
        const all = (name: string) => form.getAll(name).map(String);
        saving.run(
          {
            id: promo.id,
            theaterId,
            code: text("code"),
            kind: text("kind"),
            amount: text("amount"),
            per: text("per"),
            validFrom: text("validFrom"),
            validUntil: text("validUntil"),
            movieIds: all("movieIds"),
            showIds: all("showIds"),
            days: all("days"),
            ticketTypeIds: all("ticketTypeIds"),
            totalLimit: text("totalLimit"),
            perCustomerLimit: text("perCustomerLimit"),
          },
          e.currentTarget,
        );
      }}
    >
      <LabelledField id="promo-code" label="Code" hint="Customers may type it in any case, with spaces" errors={errors.code}>
        <input name="code" defaultValue={promo.code} maxLength={40} autoCapitalize="characters" placeholder="SUMMER10" className={`${inputClass} uppercase`} />
      </LabelledField>
      <div className="grid gap-3 sm:grid-cols-3">
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Discount</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="kind" value="percent" defaultChecked={promo.kind === "percent"} className={box} /> Percent off
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="kind" value="fixed" defaultChecked={promo.kind === "fixed"} className={box} /> Amount off ({currency.toUpperCase()})
          </label>
        </fieldset>
        <LabelledField id="promo-amount" label="How much" hint="10 for 10 %, or 2.50" errors={errors.amount}>
          <input name="amount" inputMode="decimal" defaultValue={promo.amount} className={inputClass} />
        </LabelledField>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Applies to</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="per" value="order" defaultChecked={promo.per === "order"} className={box} /> The order
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="per" value="ticket" defaultChecked={promo.per === "ticket"} className={box} /> Each ticket
          </label>
        </fieldset>
      </div>
      <div className="grid grid-cols-2 gap-3">
        <LabelledField id="promo-from" label="Valid from" errors={errors.validFrom}>
          <input type="date" name="validFrom" defaultValue={promo.validFrom} className={inputClass} />
        </LabelledField>
        <LabelledField id="promo-until" label="Valid until" hint="Through the end of that day" errors={errors.validUntil}>
          <input type="date" name="validUntil" defaultValue={promo.validUntil} className={inputClass} />
        </LabelledField>
      </div>
      <Checkboxes legend="Show days" name="days" choices={WEEKDAYS.map((d, i) => ({ id: String(i), label: d }))} checked={promo.days.map(String)} errors={errors.days} />
      <Checkboxes legend="Ticket types" name="ticketTypeIds" choices={types} checked={promo.ticketTypeIds} errors={errors.ticketTypeIds} />
      <Checkboxes legend="Movies" name="movieIds" choices={movies} checked={promo.movieIds} errors={errors.movieIds} />
      <LabelledField id="promo-shows" label="Shows (none chosen: any)" hint="To choose several: tap each on a touch screen; hold Ctrl or ⌘ with a mouse" errors={errors.showIds}>
        <select name="showIds" multiple defaultValue={promo.showIds} className={`${inputClass} h-32`}>
          {shows.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </LabelledField>
      <div className="grid grid-cols-2 gap-3">
        <LabelledField id="promo-total" label="Total uses" hint="Empty: no limit" errors={errors.totalLimit}>
          <input name="totalLimit" inputMode="numeric" defaultValue={promo.totalLimit} className={inputClass} />
        </LabelledField>
        <LabelledField id="promo-per-customer" label="Uses per customer" hint="Empty: no limit" errors={errors.perCustomerLimit}>
          <input name="perCustomerLimit" inputMode="numeric" defaultValue={promo.perCustomerLimit} className={inputClass} />
        </LabelledField>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button disabled={saving.pending} className="rounded-lg bg-gold px-4 py-2 font-semibold text-ink disabled:opacity-60">
          {saving.pending ? "Saving…" : promo.id ? "Save code" : "Create code"}
        </button>
        <ActionOutcome result={saving.result} saved="Code saved." />
      </div>
    </form>
  );
}

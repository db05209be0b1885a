"use client";
import { WEEKDAYS } from "@/lib/pricing-admin/price-card-input";
import { inputClass, LabelledField } from "@/components/admin/forms/labelled-field";

export type CardRules = { isDefault: boolean; startsBefore: string; startsFrom: string; days: number[]; formats: string[]; validFrom: string; validUntil: string };

const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
const box = "h-4 w-4 accent-[#f5c451]";

/** The rules that pick a card for a show: every rule set must hold; an empty rule holds always. */
export function CardRulesFields({ rules, formats, errors, onChange }: { rules: CardRules; formats: string[]; errors: Record<string, string[]>; onChange: (rules: CardRules) => void }) {
  const set = (patch: Partial<CardRules>) => onChange({ ...rules, ...patch });
  return (
    <div className="space-y-4">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className={`${box} mt-0.5`} checked={rules.isDefault} onChange={(e) => set({ isDefault: e.target.checked })} />
        <span>Default card: used for a show no other card fits.</span>
      </label>
      <div className="grid grid-cols-2 gap-3">
        <LabelledField id="card-starts-from" label="Starts at or after" hint="Theater time" errors={errors.startsFrom}>
          <input type="time" value={rules.startsFrom} onChange={(e) => set({ startsFrom: e.target.value })} className={inputClass} />
        </LabelledField>
        <LabelledField id="card-starts-before" label="Starts before" hint="e.g. 17:00 for matinees" errors={errors.startsBefore}>
          <input type="time" value={rules.startsBefore} onChange={(e) => set({ startsBefore: e.target.value })} className={inputClass} />
        </LabelledField>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Days of the week <span className="font-normal text-zinc-300">(none ticked: every day)</span></legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
          {WEEKDAYS.map((day, i) => (
            <label key={day} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" className={box} checked={rules.days.includes(i)} onChange={(e) => set({ days: toggle(rules.days, i, e.target.checked) })} />
              {day}
            </label>
          ))}
        </div>
        {errors.days && <p className="text-sm text-red-300">{errors.days[0]}</p>}
      </fieldset>
      {formats.length > 0 && (
        <fieldset>
          <legend className="text-sm font-medium">Screen formats <span className="font-normal text-zinc-300">(none ticked: any format)</span></legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-2">
            {formats.map((format) => (
              <label key={format} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" className={box} checked={rules.formats.includes(format)} onChange={(e) => set({ formats: toggle(rules.formats, format, e.target.checked) })} />
                {format}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div className="grid grid-cols-2 gap-3">
        <LabelledField id="card-valid-from" label="First day" errors={errors.validFrom}>
          <input type="date" value={rules.validFrom} onChange={(e) => set({ validFrom: e.target.value })} className={inputClass} />
        </LabelledField>
        <LabelledField id="card-valid-until" label="Last day" errors={errors.validUntil}>
          <input type="date" value={rules.validUntil} onChange={(e) => set({ validUntil: e.target.value })} className={inputClass} />
        </LabelledField>
      </div>
    </div>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { inputClass, LabelledField } from "@/components/admin/forms/labelled-field";
import { ActionOutcome } from "@/components/admin/pricing/action-outcome";
import { useAdminAction, type AdminAction } from "@/components/admin/pricing/use-admin-action";

export type TheaterFormValues = { id?: string; name: string; slug: string; address: string; timeZone: string; currency: string; idNotice: string };

const FIELDS = ["name", "slug", "address", "timeZone", "currency", "idNotice"] as const;

/**
 * Add or edit a theater. The action checks everything again (zone, currency, a slug in use) and
 * sends field errors back under their fields; the first one gets the focus.
 */
export function TheaterForm({ theater, zones, save }: { theater: TheaterFormValues; zones: readonly string[]; save: AdminAction<{ id: string; slug: string }> }) {
  const router = useRouter();
  const saving = useAdminAction(save, (data) => (theater.id ? router.refresh() : router.push(`/admin/theaters/${data.id}?created=1`)));
  const errors = saving.errors;
  const idOf = (name: string) => `theater-${name}${theater.id ? "" : "-new"}`;
  return (
    <form
      noValidate
      className="max-w-2xl space-y-4"
      aria-label={theater.id ? `Edit ${theater.name}` : "Add a theater"}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const input: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
        saving.run(theater.id ? { ...input, id: theater.id } : input, e.currentTarget);
      }}
    >
      <LabelledField id={idOf("name")} label="Name" errors={errors.name}>
        <input name="name" defaultValue={theater.name} maxLength={120} required className={inputClass} />
      </LabelledField>
      <LabelledField id={idOf("slug")} label="Web address" hint="The end of /c/…; leave empty to make one from the name." errors={errors.slug}>
        <input name="slug" defaultValue={theater.slug} maxLength={60} className={inputClass} />
      </LabelledField>
      <LabelledField id={idOf("address")} label="Address" errors={errors.address}>
        <input name="address" defaultValue={theater.address} maxLength={300} required autoComplete="off" className={inputClass} />
      </LabelledField>
      <div className="grid gap-4 sm:grid-cols-2">
        <LabelledField id={idOf("timeZone")} label="Time zone" hint={theater.id ? "A zone name like America/Los_Angeles. Shows keep their moment in time: a new zone shows them on its clock." : "A zone name like America/Los_Angeles."} errors={errors.timeZone}>
          <input name="timeZone" defaultValue={theater.timeZone} list={`${idOf("timeZone")}-zones`} required autoComplete="off" spellCheck={false} className={inputClass} />
        </LabelledField>
        <LabelledField id={idOf("currency")} label="Currency" hint="A three-letter code like USD; fixed once shows are scheduled." errors={errors.currency}>
          <input name="currency" defaultValue={theater.currency.toUpperCase()} maxLength={3} required autoCapitalize="characters" className={`${inputClass} uppercase`} />
        </LabelledField>
      </div>
      <datalist id={`${idOf("timeZone")}-zones`}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <LabelledField id={idOf("idNotice")} label="ID notice" hint="Shown before payment for rated movies, e.g. “Photo ID is required for R-rated films.” Leave empty for none." errors={errors.idNotice}>
        <textarea name="idNotice" defaultValue={theater.idNotice} rows={3} maxLength={500} className={inputClass} />
      </LabelledField>
      <div className="flex flex-wrap items-center gap-4">
        <button disabled={saving.pending} className="min-h-11 rounded-lg bg-gold px-4 py-2 font-semibold text-ink disabled:opacity-60">
          {saving.pending ? "Saving…" : theater.id ? "Save theater" : "Add theater"}
        </button>
        <ActionOutcome result={saving.result} saved="Theater saved." />
      </div>
    </form>
  );
}

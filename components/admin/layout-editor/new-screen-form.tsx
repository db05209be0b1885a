"use client";
import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/errors";
import { inputClass, LabelledField } from "@/components/admin/forms/labelled-field";

type State = { result: ActionResult<unknown> | undefined; values: Record<string, string> } | null;

/** The new-screen form; on success the action redirects to the new screen's layout editor. */
export function NewScreenForm({ theaters, create }: { theaters: { id: string; name: string }[]; create: (form: FormData) => Promise<ActionResult<unknown> | undefined> }) {
  const [state, submit, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const values = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
    return { result: await create(form), values };
  }, null);
  const failure = state?.result && !state.result.ok ? state.result : null;
  const errors = failure?.fieldErrors ?? {};
  const v = state?.values ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);
  // The form is reset after each submission; keying on the attempt puts the typed values back.
  return (
    <form ref={formRef} action={submit} className="space-y-3" noValidate key={JSON.stringify(v)}>
      {theaters.length === 1 ? (
        <input type="hidden" name="theaterId" value={theaters[0].id} />
      ) : (
        <LabelledField id="screen-theater" label="Theater" errors={errors.theaterId}>
          <select name="theaterId" defaultValue={v.theaterId} className={inputClass}>
            {theaters.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </LabelledField>
      )}
      <LabelledField id="screen-name" label="Screen name" errors={errors.name}>
        <input name="name" defaultValue={v.name} className={inputClass} autoComplete="off" />
      </LabelledField>
      <LabelledField id="screen-format" label="Format" hint="e.g. standard, IMAX, Dolby" errors={errors.format}>
        <input name="format" defaultValue={v.format ?? "standard"} className={inputClass} autoComplete="off" />
      </LabelledField>
      <LabelledField id="screen-tiers" label="Tiers" hint="Comma-separated, cheapest first: standard, premium" errors={errors.tiers}>
        <input name="tiers" defaultValue={v.tiers ?? "standard"} className={inputClass} autoComplete="off" />
      </LabelledField>
      <div className="grid grid-cols-2 gap-3">
        <LabelledField id="screen-rows" label="Rows" errors={errors.rows}>
          <input name="rows" type="number" min={1} max={26} inputMode="numeric" defaultValue={v.rows ?? "8"} className={inputClass} />
        </LabelledField>
        <LabelledField id="screen-seats" label="Seats per row" errors={errors.seatsPerRow}>
          <input name="seatsPerRow" type="number" min={1} max={80} inputMode="numeric" defaultValue={v.seatsPerRow ?? "12"} className={inputClass} />
        </LabelledField>
      </div>
      <p role="status" className="text-sm text-red-300">
        {failure ? (failure.fieldErrors ? "Please check the highlighted fields." : failure.message) : ""}
      </p>
      <button type="submit" disabled={pending} className="rounded-md bg-gold px-4 py-2 font-semibold text-ink hover:brightness-110 disabled:opacity-60">
        {pending ? "Creating…" : "Create screen"}
      </button>
    </form>
  );
}

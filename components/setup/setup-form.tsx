"use client";
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/errors";
import { inputClass, LabelledField } from "@/components/admin/forms/labelled-field";

type Result = ActionResult<{ adminEmail: string }>;
type State = { result: Result | undefined; values: Record<string, string> } | null;

/** The first-run setup form; on success it says who signs in next. */
export function SetupForm({ setUp }: { setUp: (form: FormData) => Promise<Result> }) {
  const [state, submit, pending] = useActionState<State, FormData>(async (_prev, form) => {
    const values = Object.fromEntries([...form.entries()].filter(([k]) => k !== "token").map(([k, v]) => [k, String(v)]));
    return { result: await setUp(form), values };
  }, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [state]);

  if (state?.result?.ok) {
    return (
      <section role="status" className="space-y-3 rounded-xl border border-line bg-panel p-5">
        <p>
          Your cinema is set up. Sign in as <span className="font-semibold text-gold">{state.result.data.adminEmail}</span> to add screens, movies and
          shows.
        </p>
        <Link href="/sign-in?callbackUrl=%2Fadmin" className="inline-block rounded-md bg-gold px-4 py-2 font-semibold text-ink hover:brightness-110">
          Sign in
        </Link>
      </section>
    );
  }
  const failure = state?.result && !state.result.ok ? state.result : null;
  const errors = failure?.fieldErrors ?? {};
  const v = state?.values ?? {};
  return (
    <form ref={formRef} action={submit} className="space-y-3 rounded-xl border border-line bg-panel p-5" noValidate key={JSON.stringify(v)}>
      <LabelledField id="setup-token" label="Setup token" hint="Printed in the server's log when it started" errors={errors.token}>
        <input name="token" className={inputClass} autoComplete="off" spellCheck={false} />
      </LabelledField>
      <LabelledField id="setup-name" label="Theater name" errors={errors.name}>
        <input name="name" defaultValue={v.name} className={inputClass} autoComplete="organization" />
      </LabelledField>
      <LabelledField id="setup-address" label="Address" errors={errors.address}>
        <input name="address" defaultValue={v.address} className={inputClass} autoComplete="street-address" />
      </LabelledField>
      <div className="grid gap-3 sm:grid-cols-2">
        <LabelledField id="setup-time-zone" label="Time zone" hint="Like Europe/Paris or America/New_York" errors={errors.timeZone}>
          <input name="timeZone" defaultValue={v.timeZone} className={inputClass} autoComplete="off" spellCheck={false} />
        </LabelledField>
        <LabelledField id="setup-currency" label="Currency" hint="Three letters, like USD or EUR" errors={errors.currency}>
          <input name="currency" defaultValue={v.currency} className={inputClass} autoComplete="off" spellCheck={false} maxLength={3} />
        </LabelledField>
      </div>
      <LabelledField id="setup-admin-email" label="First admin's email" errors={errors.adminEmail}>
        <input name="adminEmail" type="email" defaultValue={v.adminEmail} className={inputClass} autoComplete="email" />
      </LabelledField>
      <p role="status" className="text-sm text-red-300">
        {failure ? (failure.fieldErrors ? "Please check the highlighted fields." : failure.message) : ""}
      </p>
      <button type="submit" disabled={pending} className="rounded-md bg-gold px-4 py-2 font-semibold text-ink hover:brightness-110 disabled:opacity-60">
        {pending ? "Setting up…" : "Set up the cinema"}
      </button>
    </form>
  );
}

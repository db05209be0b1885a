"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { FieldError } from "@/components/admin/forms/field-error";

type Result = ActionResult<unknown> | null;

/**
 * The counter's payment step: how the customer paid (cash, or the card terminal beside the till:
 * nothing is charged here) and, if they want them emailed, their address. Success goes on to
 * the receipt page; a refusal (a seat taken meanwhile, the hold ran out) is said here.
 */
export function CounterPaymentForm({ showId, types, total, sell }: { showId: string; types: string; total: string; sell: (prev: Result, form: FormData) => Promise<Result> }) {
  const [state, submit, pending] = useActionState(sell, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={submit} className="space-y-4 rounded-xl border border-line bg-panel p-4">
      <input type="hidden" name="showId" value={showId} />
      <input type="hidden" name="types" value={types} />
      <fieldset className="space-y-2">
        <legend className="text-lg font-semibold">Payment of {total}</legend>
        {[
          ["cash", "Cash"],
          ["card_terminal", "Card terminal"],
        ].map(([value, label], i) => (
          <label key={value} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-line px-3 has-[:checked]:border-gold">
            <input type="radio" name="method" value={value} defaultChecked={i === 0} className="size-5 accent-[#f5c451]" />
            {label}
          </label>
        ))}
        <FieldError id="method-error" messages={errors?.method} />
      </fieldset>
      <div className="grid gap-1">
        <label htmlFor="counter-email" className="text-sm">
          Customer&apos;s email (optional: tickets are emailed as well)
        </label>
        <input
          id="counter-email"
          name="email"
          type="email"
          autoComplete="off"
          aria-describedby={errors?.email ? "email-error" : undefined}
          className="min-h-11 rounded-md border border-line bg-ink px-3 text-white focus:border-gold"
        />
        <FieldError id="email-error" messages={errors?.email} />
      </div>
      {state && !state.ok && !state.fieldErrors && (
        <p role="alert" className="rounded-lg border border-red-400 bg-red-400/10 p-3 text-red-100">
          {state.message}
        </p>
      )}
      <button disabled={pending} className="min-h-11 w-full rounded-lg bg-gold px-4 py-2 font-semibold text-ink disabled:opacity-60">
        {pending ? "Issuing tickets…" : `Payment taken: issue tickets`}
      </button>
    </form>
  );
}

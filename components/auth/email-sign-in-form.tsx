"use client";

import { useActionState } from "react";
import { requestMagicLink, type EmailSignInState } from "@/app/(site)/sign-in/actions";

export function EmailSignInForm({ redirectTo }: { redirectTo: string }) {
  const [state, action, pending] = useActionState<EmailSignInState, FormData>(requestMagicLink, undefined);
  const emailError = state?.fieldErrors?.email?.[0];
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium text-zinc-100">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          defaultValue={state?.email}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : undefined}
          className="w-full rounded-md border border-line bg-ink px-3 py-2 text-base text-white placeholder:text-zinc-500 focus:border-gold"
          placeholder="you@example.com"
        />
        {emailError && (
          <p id="email-error" className="text-sm text-red-300">
            {emailError}
          </p>
        )}
      </div>
      {state?.message && (
        <p role="alert" className="text-sm text-red-300">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-gold px-4 py-2 font-semibold text-ink hover:brightness-110 disabled:opacity-60">
        {pending ? "Sending link…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}

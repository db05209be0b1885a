"use client";

import { useActionState } from "react";
import { requestMagicLink, type EmailSignInState } from "@/app/(site)/sign-in/actions";

export function EmailSignInForm({ redirectTo }: { redirectTo: string }) {
  const [state, action, pending] = useActionState<EmailSignInState, FormData>(requestMagicLink, undefined);
  const failure = state?.ok === false ? state : null;
  const emailError = failure?.fieldErrors?.email?.[0];
  // The field's own error says it all; the alert is for what is not about the field.
  const message = failure && !emailError ? failure.message : undefined;
  const typed = typeof failure?.details?.email === "string" ? failure.details.email : undefined;
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
          defaultValue={typed}
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
      {message && (
        <p role="alert" className="text-sm text-red-300">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending} className="w-full rounded-md bg-gold px-4 py-2 font-semibold text-ink hover:brightness-110 disabled:opacity-60">
        {pending ? "Sending link…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}

"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth-js";
import { oauthProviders } from "@/lib/auth/oauth-providers";
import { safeRedirectPath } from "@/lib/auth/redirect-target";
import { signInThrottled } from "@/lib/auth/sign-in-throttle";
import { AppError, fieldErrorsOf, type ActionResult } from "@/lib/errors";
import { asFormAction, defineAction } from "@/lib/handlers/define-action";
import { log } from "@/lib/log";

/** The sign-in form's state: a failure carries what was typed (details.email) to fill the field again. */
export type EmailSignInState = ActionResult<never> | undefined;

const emailSignInInput = z.object({ email: z.string().max(320).default(""), redirectTo: z.string().max(2048).optional() });
const emailAddress = z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address." }));

/** Emails a magic link, then shows the "check your email" page. */
export const requestMagicLink = defineAction(emailSignInInput, { name: "sign-in-email", auth: "public" }, async ({ email: typed, redirectTo }) => {
  const email = emailAddress.safeParse(typed);
  if (!email.success) {
    const fieldErrors = fieldErrorsOf(email.error, "email");
    throw new AppError("bad_input", fieldErrors.email[0], { fieldErrors, email: typed });
  }
  try {
    // redirect: false, so a failure comes back here as an AuthError and is shown on the form.
    await signIn("email", { email: email.data, redirectTo: safeRedirectPath(redirectTo), redirect: false });
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    const throttled = signInThrottled(err);
    if (throttled) throw new AppError(throttled.code, throttled.message, { ...throttled.details, email: typed });
    log.warn({ err: { type: err.type, message: err.message } }, "magic link request failed");
    throw new AppError("unavailable", "We couldn't send the sign-in link. Please try again in a moment.", { email: typed });
  }
  redirect("/sign-in/check-email");
});

/** Starts an OAuth sign-in; Auth.js answers with a redirect to the provider. */
export const signInWithProvider = asFormAction(defineAction(
  z.object({ provider: z.string().max(50).optional(), redirectTo: z.string().max(2048).optional() }),
  { name: "sign-in-oauth", auth: "public" },
  async ({ provider, redirectTo: raw }) => {
    const allowed = oauthProviders().find((p) => p.id === provider);
    const redirectTo = safeRedirectPath(raw);
    if (!allowed) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: redirectTo })}`);
    await signIn(allowed.id, { redirectTo });
  },
));

"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth-js";
import { oauthProviders } from "@/lib/auth/oauth-providers";
import { safeRedirectPath } from "@/lib/auth/redirect-target";
import { log } from "@/lib/log";

export type EmailSignInState = { email?: string; fieldErrors?: { email?: string[] }; message?: string } | undefined;

const emailSignInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address." })),
  redirectTo: z.string().optional(),
});

/** Emails a magic link, then shows the "check your email" page. */
export async function requestMagicLink(_prev: EmailSignInState, formData: FormData): Promise<EmailSignInState> {
  const raw = { email: String(formData.get("email") ?? ""), redirectTo: formData.get("redirectTo")?.toString() };
  const parsed = emailSignInSchema.safeParse(raw);
  if (!parsed.success) {
    return { email: raw.email, fieldErrors: { email: parsed.error.issues.map((i) => i.message) } };
  }
  try {
    // redirect: false, so a failure comes back here as an AuthError and is shown on the form.
    await signIn("email", { email: parsed.data.email, redirectTo: safeRedirectPath(parsed.data.redirectTo), redirect: false });
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    log.warn({ err: { type: err.type, message: err.message } }, "magic link request failed");
    return { email: raw.email, message: "We couldn't send the sign-in link. Please try again in a moment." };
  }
  redirect("/sign-in/check-email");
}

/** Starts an OAuth sign-in; Auth.js answers with a redirect to the provider. */
export async function signInWithProvider(formData: FormData): Promise<void> {
  const provider = formData.get("provider")?.toString();
  const allowed = oauthProviders().find((p) => p.id === provider);
  const redirectTo = safeRedirectPath(formData.get("redirectTo")?.toString());
  if (!allowed) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: redirectTo })}`);
  await signIn(allowed.id, { redirectTo });
}

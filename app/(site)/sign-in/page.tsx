import type { Metadata } from "next";
import Link from "next/link";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { oauthProviders } from "@/lib/auth/oauth-providers";
import { redirectTargetFrom } from "@/lib/auth/redirect-target";
import { currentUser } from "@/lib/auth/current-user";
import { HeldSeatsPanel, heldSeatsOf } from "@/components/seat-map/held-seats";
import { continuePath, parseContinuePath } from "@/lib/seat-map/continue-path";
import { signInErrorMessage } from "./sign-in-errors";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const target = redirectTargetFrom(params);
  // Signing in mid-purchase: the held seats stay on screen, and the link comes back to checkout
  // with these same seats (named in the path, so a hold that runs out meanwhile can be offered again).
  const resuming = parseContinuePath(target);
  const held = resuming ? await heldSeatsOf(resuming.showId, { types: resuming.types, promo: resuming.promo }) : null;
  const redirectTo = held ? continuePath(held.showId, held.seatIds, { types: resuming?.types, promo: resuming?.promo }) : target;
  const error = signInErrorMessage(params.error);
  const user = await currentUser();
  const providers = oauthProviders();

  return (
    <div className="mx-auto max-w-md space-y-6 py-6 sm:py-10">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Sign in</h1>
        <p className="text-sm text-zinc-300">No password needed: we email you a link that signs you in.</p>
      </div>
      {held && <HeldSeatsPanel held={held} />}
      {error && (
        <p role="alert" className="rounded-lg border border-red-400/40 bg-red-950/40 p-3 text-sm text-red-100">
          {error}
        </p>
      )}
      {user ? (
        // Not an automatic redirect: a page that sent a signed-in customer here (an admin page,
        // say) would send them straight back, round and round.
        <section className="space-y-4 rounded-xl border border-line bg-panel p-5">
          <p>
            You are signed in as <span className="font-semibold text-gold">{user.email}</span>.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <Link href={redirectTo} className="rounded-md bg-gold px-4 py-2 font-semibold text-ink hover:brightness-110">
              Continue
            </Link>
            <SignOutButton redirectTo={`/sign-in?${new URLSearchParams({ callbackUrl: redirectTo })}`} />
          </div>
        </section>
      ) : (
        <section aria-label="Sign-in options" className="space-y-5 rounded-xl border border-line bg-panel p-5">
          <EmailSignInForm redirectTo={redirectTo} />
          {providers.length > 0 && (
            <>
              <p className="flex items-center gap-3 text-xs uppercase tracking-wider text-zinc-400" aria-hidden>
                <span className="h-px flex-1 bg-line" />
                or
                <span className="h-px flex-1 bg-line" />
              </p>
              <OAuthButtons providers={providers} redirectTo={redirectTo} />
            </>
          )}
        </section>
      )}
      <p className="text-xs text-zinc-400">You can browse and pick seats without an account; we ask you to sign in before you pay.</p>
    </div>
  );
}

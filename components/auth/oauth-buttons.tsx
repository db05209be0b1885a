import { signInWithProvider } from "@/app/(site)/sign-in/actions";
import type { OAuthProviderInfo } from "@/lib/auth/oauth-providers";

export function OAuthButtons({ providers, redirectTo }: { providers: OAuthProviderInfo[]; redirectTo: string }) {
  return (
    <ul className="space-y-2">
      {providers.map((p) => (
        <li key={p.id}>
          <form action={signInWithProvider}>
            <input type="hidden" name="provider" value={p.id} />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <button type="submit" className="w-full rounded-md border border-line bg-ink px-4 py-2 font-medium text-zinc-100 hover:border-zinc-400">
              Continue with {p.name}
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}

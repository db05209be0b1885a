import { env } from "@/lib/env";

export type OAuthProviderInfo = { id: "github" | "google"; name: string };

/** The OAuth providers whose keys are set, for the sign-in page's buttons. */
export function oauthProviders(): OAuthProviderInfo[] {
  const e = env();
  const list: OAuthProviderInfo[] = [];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) list.push({ id: "google", name: "Google" });
  return list;
}

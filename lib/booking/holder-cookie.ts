import { secureCookies } from "@/lib/app-url";

// The seat-lock holder cookie: its name, what a valid value looks like, how a fresh one is made
// and the attributes it is set with. No server-only imports: proxy.ts mints it too.
export const HOLDER_COOKIE = "mq_holder";
const HOLDER_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;
const THIRTY_DAYS_S = 60 * 60 * 24 * 30;

export function isHolderId(value: string | undefined | null): value is string {
  return !!value && HOLDER_PATTERN.test(value);
}

/** 18 random bytes, base64url: 24 characters that cannot be guessed. */
export function mintHolderId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_");
}

export function holderCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, secure: secureCookies(), path: "/", maxAge: THIRTY_DAYS_S };
}

// Where to send someone after they sign in. Only a path on this site is accepted: an absolute
// URL, a protocol-relative "//host" or a backslash trick ("/\host", which browsers read as
// "//host") would turn the sign-in page into an open redirect.
const SAFE_PATH = /^\/(?![/\\])[^\s\\]*$/;
const MAX_LENGTH = 2048;

export function safeRedirectPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  if (!SAFE_PATH.test(raw)) return fallback;
  // Parse against a throwaway origin: if the result leaves it, the path was not really local.
  const probe = new URL(raw, "http://marquee.invalid");
  if (probe.origin !== "http://marquee.invalid") return fallback;
  return probe.pathname + probe.search + probe.hash;
}

/** The page to return to, from `callbackUrl` (Auth.js's name) or `next`, whichever is set. */
export function redirectTargetFrom(params: Record<string, string | string[] | undefined>): string {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return safeRedirectPath(first(params.callbackUrl) ?? first(params.next));
}

/**
 * The request headers a browser with this cookie jar sends, for tests that replace next/headers.
 * Auth.js reads the session from the Cookie header and picks the cookie's name by protocol;
 * a browser only sends a __Secure- cookie over https, so the jar decides which one it is.
 */
export function browserHeaders(jar: ReadonlyMap<string, string>, extra: Record<string, string> = {}): Headers {
  const headers = new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", ...extra });
  if ([...jar.keys()].some((name) => name.startsWith("__Secure-"))) headers.set("x-forwarded-proto", "https");
  if (jar.size) headers.set("cookie", [...jar].map(([name, value]) => `${name}=${value}`).join("; "));
  return headers;
}

/** next/headers' cookies() over the same jar: what a Next request would read and set. */
export function jarCookies(jar: Map<string, string>) {
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  };
}

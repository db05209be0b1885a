import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { HOLDER_COOKIE, holderCookieOptions, isHolderId, mintHolderId } from "@/lib/booking/holder-cookie";
import { REQUEST_ID_HEADER, acceptRequestId } from "@/lib/request-context";

// Runs before every page and route handler (static files and server action calls excluded below):
// - gives the request an id (the caller's X-Request-Id when it is sane) that every log line of
//   the request carries and the response echoes, so a customer's report finds its logs;
// - sets a per-request Content-Security-Policy nonce. Next reads the nonce from the request's CSP
//   header and puts it on its own scripts, so no inline script without it runs. This needs
//   dynamic rendering, which every page already has (the layout reads the session cookie).
// - gives a visitor the seat-lock holder cookie with the first page they open, passed on to the
//   page as if the browser had sent it. The hold action posted later then only reads it: an
//   action that sets a cookie makes Next re-render the whole page into its answer. Only a
//   document request mints one: the page's own prefetches and fetches run after it has the
//   cookie, while several cookie-less prefetches in flight at once would each mint another id,
//   the last to land overwriting the one the customer's first holds were made with.
// Static security headers (nosniff, referrer, permissions) are in next.config.ts.
// Authorization is never decided here: every action and route handler checks it itself.

const STRIPE_CHECKOUT = "https://checkout.stripe.com";

function contentSecurityPolicy(nonce: string): string {
  const e = env();
  const https = e.APP_URL?.startsWith("https:") ?? false;
  // Server actions and Auth.js answer forms with redirects to these; form-action covers redirects.
  const formTargets = [
    "'self'",
    STRIPE_CHECKOUT,
    e.STRIPE_API_BASE ? new URL(e.STRIPE_API_BASE).origin : "",
    e.AUTH_GITHUB_ID ? "https://github.com" : "",
    e.AUTH_GOOGLE_ID ? "https://accounts.google.com" : "",
  ].filter(Boolean);
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd bootstrap load its chunks; React needs eval only in dev.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${e.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
    // React style={} attributes (seat map geometry, tooltips) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets.join(" ")}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const requestId = acceptRequestId(request.headers.get(REQUEST_ID_HEADER));
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = contentSecurityPolicy(nonce);

  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_ID_HEADER, requestId);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", csp);

  const holder = isDocumentRequest(request) ? missingHolder(request) : null;
  if (holder) forwarded.set("cookie", withCookie(request, HOLDER_COOKIE, holder));

  const response = NextResponse.next({ request: { headers: forwarded } });
  if (holder) response.cookies.set(HOLDER_COOKIE, holder, holderCookieOptions());
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("content-security-policy", csp);
  if (env().NODE_ENV === "production" && env().APP_URL?.startsWith("https:")) {
    response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

/** A browser opening a page (not Next's RSC prefetch or navigation fetch, not an API call). */
function isDocumentRequest(request: NextRequest): boolean {
  if (request.method !== "GET") return false;
  const dest = request.headers.get("sec-fetch-dest");
  if (dest) return dest === "document";
  // Browsers without Fetch Metadata: a GET asking for HTML that is not one of Next's RSC fetches.
  return !request.headers.has("rsc") && (request.headers.get("accept") ?? "").includes("text/html");
}

/** A fresh holder id when the request carries no valid one. */
function missingHolder(request: NextRequest): string | null {
  return isHolderId(request.cookies.get(HOLDER_COOKIE)?.value) ? null : mintHolderId();
}

/** The request's Cookie header with `name` set to `value` (an invalid old value dropped; the rest kept byte for byte). */
function withCookie(request: NextRequest, name: string, value: string): string {
  const others = (request.headers.get("cookie") ?? "").split(";").filter((pair) => pair.trim() && pair.split("=")[0].trim() !== name);
  return [...others.map((pair) => pair.trim()), `${name}=${value}`].join("; ");
}

export const config = {
  // Server action calls (the Next-Action header) are left out: running the proxy costs each of
  // them about as much as a seat hold itself (Next builds a web Request and Response around it),
  // and an action's answer is not a document, so it needs no CSP. Their request id comes from
  // lib/request-context; the holder cookie is already there from the page they were posted from.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)", missing: [{ type: "header", key: "next-action" }] }],
};

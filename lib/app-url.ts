import { env } from "./env";

// Origins come from configuration, never from a request: a Host or X-Forwarded-* header is the
// caller's to choose, and a link, redirect or server-side request built from one goes wherever
// the caller says (a magic link mailed to a victim that leaks its token, the local checkout's
// signed webhook posted to an attacker's host).

/** This server's own address: the port `next start` bound (it sets PORT), on loopback. */
export function ownUrl(): string {
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * The public origin for every link we hand out (emails, Stripe return URLs, Auth.js callbacks):
 * APP_URL, required in production (lib/env.ts startupIssues), else this server's own address.
 */
export function configuredAppUrl(): string {
  return (env().APP_URL ?? ownUrl()).replace(/\/$/, "");
}

/** The same, for callers that used to read the request: kept async so they need not change. */
export async function appUrl(): Promise<string> {
  return configuredAppUrl();
}

/** Whether the public site is served over https (Secure cookies, HSTS). */
export function servedOverHttps(): boolean {
  return configuredAppUrl().startsWith("https:");
}

/**
 * Whether our own cookies (holder, admission) carry Secure: in production behind an https
 * APP_URL. Not in development, where the demo is plain http on localhost.
 */
export function secureCookies(): boolean {
  return env().NODE_ENV === "production" && (env().APP_URL ?? "").startsWith("https:");
}

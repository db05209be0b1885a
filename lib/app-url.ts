import "server-only";
import { headers } from "next/headers";
import { env } from "./env";

/**
 * The public origin for links we hand to Stripe and put in emails: APP_URL when set (production
 * must set it), otherwise the host this request came in on (the embedded default, any port).
 */
export async function appUrl(): Promise<string> {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/**
 * The origin for links written outside a request (emails queued by a webhook's after-work):
 * APP_URL, or the local server's own address in the embedded default.
 */
export function configuredAppUrl(): string {
  return (env().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
}

import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

// Built on first use, never at import: the build and the embedded default (no Stripe key)
// import this module without any key, and tests point it at the fake before the first call.
let instance: Stripe | undefined;

/** STRIPE_API_BASE ("http://127.0.0.1:4010") as the SDK's host/port/protocol options. */
export function stripeConnection(apiBase: string): { host: string; port: number; protocol: "http" | "https" } {
  const url = new URL(apiBase);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443, protocol };
}

export function getStripe(): Stripe {
  if (instance) return instance;
  const e = env();
  if (!e.STRIPE_SECRET_KEY) {
    throw new Error("STRIPE_SECRET_KEY is not set: the Stripe client is only available when Stripe payments are configured.");
  }
  instance = new Stripe(e.STRIPE_SECRET_KEY, {
    ...(e.STRIPE_API_BASE ? stripeConnection(e.STRIPE_API_BASE) : {}),
    // Network errors and 409/5xx are retried by the SDK under one idempotency key, so a retry
    // never creates a second session or refund.
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Marquee" },
  });
  return instance;
}

/** Tests install a client pointed at the fake, or clear it to rebuild from the environment. */
export function setStripeForTests(stripe: Stripe | undefined) {
  instance = stripe;
}

import "server-only";
import { env } from "@/lib/env";
import type { PaymentGateway } from "./gateway";
import { localGateway } from "./local-gateway";
import { stripeGateway } from "./stripe-gateway";

let override: PaymentGateway | undefined;

/** Stripe when STRIPE_SECRET_KEY is set, the local checkout emulator otherwise. */
export function getPayments(): PaymentGateway {
  return override ?? (env().STRIPE_SECRET_KEY ? stripeGateway : localGateway);
}

export function setPaymentsForTests(gateway: PaymentGateway | undefined) {
  override = gateway;
}

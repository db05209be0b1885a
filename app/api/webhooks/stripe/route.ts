import { after } from "next/server";
import { getDb } from "@/db/client";
import { handleStripeWebhook } from "@/lib/booking/payment-events";
import { defineRoute } from "@/lib/handlers/define-route";

// Stripe (or the local checkout emulator) calls this. The signature is the authentication:
// it is checked on the raw body before anything else. The event is recorded before we answer;
// the lifecycle runs after the answer, and the event worker finishes it if this instance cannot.
export const POST = defineRoute("/api/webhooks/stripe", { auth: "public" }, async (req) => {
  return handleStripeWebhook(await getDb(), req, (work) => after(work));
});

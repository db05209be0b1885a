import { after } from "next/server";
import { getDb } from "@/db/client";
import { defineRoute } from "@/lib/handlers/define-route";
import { processStripeEvent, receiveStripeEvent } from "@/lib/payments/webhook/receive";

// Stripe (or the local checkout emulator) calls this. The signature is the authentication:
// it is checked on the raw body before anything else; the slow work runs after we answer.
export const POST = defineRoute("/api/webhooks/stripe", { auth: "public" }, async (req) => {
  const db = await getDb();
  const received = await receiveStripeEvent(db, await req.text(), req.headers.get("stripe-signature"));
  const event = received.event;
  if (event) after(() => processStripeEvent(db, event));
  return Response.json(received.body, { status: received.status });
});

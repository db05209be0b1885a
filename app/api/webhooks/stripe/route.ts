import { after } from "next/server";
import { getDb } from "@/db/client";
import { processPaymentEvent, receiveStripeEvent } from "@/lib/booking/payment-events";

// Stripe (or the local checkout emulator) calls this. The signature is the authentication:
// it is checked on the raw body before anything else. The event is recorded before we answer;
// the lifecycle runs after the answer, and the event worker finishes it if this instance cannot.
export async function POST(req: Request) {
  const db = await getDb();
  const received = await receiveStripeEvent(db, await req.text(), req.headers.get("stripe-signature"));
  const event = received.event;
  if (event) after(() => processPaymentEvent(db, event));
  return Response.json(received.body, { status: received.status });
}

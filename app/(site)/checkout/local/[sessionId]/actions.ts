"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ownUrl } from "@/lib/app-url";
import { toFailure } from "@/lib/errors";
import { asFormAction, defineAction } from "@/lib/handlers/define-action";
import { assertLocalPaymentsAllowed, localSession, settleLocalSession } from "@/lib/payments/local-gateway";
import { deliverLocalEvent, localSessionEvent } from "@/lib/payments/local-events";

// The local checkout page's buttons. The session id in the URL is the capability, as with
// Stripe's hosted page; the order itself is only ever changed by the webhook this posts.
const input = z.object({ sessionId: z.string().regex(/^cs_local_[0-9a-f]{24}$/), outcome: z.enum(["pay", "decline", "cancel"]) });

export const settleLocalCheckout = asFormAction(defineAction(input, { name: "settle-local-checkout", auth: "public" }, async ({ sessionId, outcome }) => {
  assertLocalPaymentsAllowed();
  const session = await localSession(sessionId);
  if (!session) redirect("/");
  if (outcome === "cancel") redirect(session.cancelUrl);
  let target: string;
  try {
    if (outcome === "decline") {
      await settleLocalSession(sessionId, "declined");
      target = `/checkout/local/${sessionId}?declined=1`;
    } else {
      // A second Pay (double click, another instance) finds the session paid: same success page,
      // no second payment and no second event.
      const { row, paidNow } = await settleLocalSession(sessionId, "paid");
      // To this server itself, never to a host the request named.
      if (paidNow) await deliverLocalEvent(ownUrl(), localSessionEvent("checkout.session.completed", row));
      target = row.successUrl.replace("{CHECKOUT_SESSION_ID}", sessionId);
    }
  } catch (err) {
    // A code the page has its own words for (payment-errors.ts), never text in the URL.
    target = `/checkout/local/${sessionId}?error=${toFailure(err).code}`;
  }
  redirect(target);
}));

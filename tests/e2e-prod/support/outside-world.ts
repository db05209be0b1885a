import { expect, type APIRequestContext } from "@playwright/test";
import type { FakeEmail } from "../../support/resend-fake";
import type { FakeSessionObject } from "../../support/stripe-fake";
import { signStripeEvent, stripeEvent } from "../../support/stripe-fake";
import { APP_URL, CONTROL_URL, STRIPE_WEBHOOK_SECRET } from "./prod-settings";

// What the outside world does in the production suite, through the fakes (services-control.ts):
// read an inbox, pay on Stripe's hosted page, and deliver Stripe's signed webhook to our
// public address, through the proxy, the way Stripe would.

/** Every email the Resend fake accepted, attachments included. */
export async function inbox(request: APIRequestContext): Promise<FakeEmail[]> {
  return (await request.get(`${CONTROL_URL}/resend/emails`)).json();
}

/** The newest email to `to` whose subject starts with `subject`, once it has arrived. */
export async function awaitEmail(request: APIRequestContext, to: string, subject: string): Promise<FakeEmail> {
  let found: FakeEmail | undefined;
  await expect
    .poll(async () => {
      found = (await inbox(request)).filter((e) => e.to.includes(to) && e.subject.startsWith(subject)).at(-1);
      return Boolean(found);
    }, { message: `an email "${subject}…" to ${to}`, timeout: 30_000 })
    .toBe(true);
  return found!;
}

/** The sign-in link of a magic-link email, as the person reading it would follow it. */
export function signInLinkOf(email: FakeEmail): string {
  const hrefs = [...(email.html ?? "").matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));
  const link = hrefs.find((h) => h.includes("/api/auth/callback/"));
  expect(link, "a sign-in link in the email").toBeTruthy();
  return link!;
}

/** The customer pays on the hosted page: the fake completes the session. */
export async function payInStripe(request: APIRequestContext, sessionId: string): Promise<FakeSessionObject> {
  const res = await request.post(`${CONTROL_URL}/stripe/sessions/${sessionId}/complete`);
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

/** Stripe's signed `checkout.session.completed`, posted to the webhook on APP_URL (through nginx). */
export async function deliverCompletedWebhook(request: APIRequestContext, session: FakeSessionObject): Promise<number> {
  const payload = JSON.stringify(stripeEvent("checkout.session.completed", session));
  const res = await request.post(`${APP_URL}/api/webhooks/stripe`, {
    headers: { "content-type": "application/json", "stripe-signature": signStripeEvent(payload, STRIPE_WEBHOOK_SECRET) },
    data: payload,
  });
  return res.status();
}

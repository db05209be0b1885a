import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import Stripe from "stripe";
import { resetEnvForTests } from "@/lib/env";
import { getStripe, setStripeForTests, stripeConnection } from "@/lib/payments/stripe-client";
import { parseStripeForm, signStripeEvent, startStripeFake, stripeEvent, type StripeFake } from "../support/stripe-fake";

let fake: StripeFake;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startStripeFake();
  stripe = fake.client();
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.reset());

const in31Minutes = () => Math.floor(Date.now() / 1000) + 31 * 60;

function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    customer_email: "ana@example.com",
    client_reference_id: "order-1",
    metadata: { orderId: "order-1" },
    expires_at: in31Minutes(),
    success_url: "http://localhost:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/checkout/cancel",
    line_items: [
      { quantity: 1, price_data: { currency: "usd", unit_amount: 1450, product_data: { name: "Dune · Sat 7:30 PM · Row F, Seat 7" } } },
      { quantity: 1, price_data: { currency: "usd", unit_amount: 1850, product_data: { name: "Dune · Sat 7:30 PM · Row F, Seat 8 (Premium)" } } },
    ],
    ...overrides,
  };
}

describe("stripe fake form parsing", () => {
  it("parses qs-style nested keys into objects and arrays", () => {
    const body =
      "mode=payment&line_items[0][price_data][product_data][name]=Row%20F%2C%20Seat%207&line_items[0][quantity]=1" +
      "&line_items[1][quantity]=2&metadata[orderId]=o%201&expand[0]=line_items&a+b=c+d";
    expect(parseStripeForm(body)).toEqual({
      mode: "payment",
      line_items: [{ price_data: { product_data: { name: "Row F, Seat 7" } }, quantity: "1" }, { quantity: "2" }],
      metadata: { orderId: "o 1" },
      expand: ["line_items"],
      "a b": "c d",
    });
  });
});

describe("stripe fake with the real SDK", () => {
  it("creates, retrieves (with line items) and expires a checkout session", async () => {
    const created = await stripe.checkout.sessions.create(sessionParams());
    expect(created.id).toMatch(/^cs_test_/);
    expect(created.object).toBe("checkout.session");
    expect(created.status).toBe("open");
    expect(created.payment_status).toBe("unpaid");
    expect(created.amount_total).toBe(3300);
    expect(created.currency).toBe("usd");
    expect(created.metadata).toEqual({ orderId: "order-1" });
    expect(created.client_reference_id).toBe("order-1");
    expect(created.customer_email).toBe("ana@example.com");
    expect(created.payment_intent).toBeNull();
    expect(created.url).toBe(`${fake.url}/c/pay/${created.id}`);
    expect(created.line_items).toBeUndefined();

    const read = await stripe.checkout.sessions.retrieve(created.id, { expand: ["line_items"] });
    expect(read.line_items?.data.map((li) => [li.description, li.amount_total])).toEqual([
      ["Dune · Sat 7:30 PM · Row F, Seat 7", 1450],
      ["Dune · Sat 7:30 PM · Row F, Seat 8 (Premium)", 1850],
    ]);

    const expired = await stripe.checkout.sessions.expire(created.id);
    expect(expired.status).toBe("expired");
    expect(expired.url).toBeNull();
    const again = stripe.checkout.sessions.expire(created.id);
    await expect(again).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(again).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining('status in ["open"]') });
  });

  it("completes a session and refunds its payment intent once", async () => {
    const created = await stripe.checkout.sessions.create(sessionParams());
    const completed = fake.complete(created.id);
    expect(completed).toMatchObject({ status: "complete", payment_status: "paid", payment_intent: expect.stringMatching(/^pi_test_/) });
    const read = await stripe.checkout.sessions.retrieve(created.id);
    expect(read.payment_intent).toBe(completed.payment_intent);

    const refund = await stripe.refunds.create({ payment_intent: read.payment_intent as string, reason: "duplicate" }, { idempotencyKey: "refund:order-1" });
    expect(refund.id).toMatch(/^re_test_/);
    expect(refund).toMatchObject({ object: "refund", amount: 3300, currency: "usd", status: "succeeded", payment_intent: read.payment_intent });

    // A second refund under another key finds nothing left to refund, with Stripe's code.
    await expect(stripe.refunds.create({ payment_intent: read.payment_intent as string })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "charge_already_refunded",
    });
    expect(fake.refunds.size).toBe(1);
  });

  it("replays the saved answer for a repeated Idempotency-Key without creating anything", async () => {
    const params = sessionParams();
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: "checkout:order-1" });
    const second = await stripe.checkout.sessions.create(params, { idempotencyKey: "checkout:order-1" });
    expect(second.id).toBe(first.id);
    expect(fake.sessions.size).toBe(1);
    expect(fake.requests.filter((r) => r.path === "/v1/checkout/sessions").map((r) => [r.idempotencyKey, r.replayed])).toEqual([
      ["checkout:order-1", false],
      ["checkout:order-1", true],
    ]);

    const other = stripe.checkout.sessions.create({ ...params, customer_email: "bo@example.com" }, { idempotencyKey: "checkout:order-1" });
    await expect(other).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(fake.sessions.size).toBe(1);

    fake.complete(first.id);
    const pi = fake.sessions.get(first.id)!.payment_intent!;
    const [r1, r2] = await Promise.all([
      stripe.refunds.create({ payment_intent: pi }, { idempotencyKey: "refund:order-1" }),
      stripe.refunds.create({ payment_intent: pi }, { idempotencyKey: "refund:order-1" }),
    ]);
    expect(r2.id).toBe(r1.id);
    expect(fake.refunds.size).toBe(1);
  });

  it("records what was asked, form-decoded", async () => {
    await stripe.checkout.sessions.create(sessionParams());
    const [req] = fake.requests;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/v1/checkout/sessions");
    expect(req.body).toMatchObject({
      mode: "payment",
      metadata: { orderId: "order-1" },
      line_items: [{ quantity: "1", price_data: { currency: "usd", unit_amount: "1450", product_data: { name: "Dune · Sat 7:30 PM · Row F, Seat 7" } } }, {}],
    });
  });

  it("answers Stripe-shaped errors: bad key, missing session, bad parameters, injected outage", async () => {
    const wrongKey = new Stripe("sk_live_nope", { host: fake.host, port: fake.port, protocol: "http", maxNetworkRetries: 0 });
    await expect(wrongKey.checkout.sessions.retrieve("cs_test_x")).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);

    await expect(stripe.checkout.sessions.retrieve("cs_test_missing")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });

    await expect(stripe.checkout.sessions.create(sessionParams({ expires_at: Math.floor(Date.now() / 1000) + 10 * 60 }))).rejects.toMatchObject({
      statusCode: 400,
      param: "expires_at",
    });
    await expect(stripe.checkout.sessions.create(sessionParams({ line_items: [] }))).rejects.toMatchObject({ code: "parameter_missing", param: "line_items" });

    fake.failNext(1, 500);
    await expect(stripe.checkout.sessions.create(sessionParams())).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(fake.sessions.size).toBe(0);
    await stripe.checkout.sessions.create(sessionParams());
    expect(fake.sessions.size).toBe(1);
  });

  it("survives one injected outage through the SDK's own retry with its generated key", async () => {
    const retrying = fake.client({ maxNetworkRetries: 1 });
    fake.failNext(1, 503);
    const session = await retrying.checkout.sessions.create(sessionParams());
    expect(fake.sessions.size).toBe(1);
    const posts = fake.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(2);
    expect(posts[0].idempotencyKey).toBeTruthy();
    expect(posts[1].idempotencyKey).toBe(posts[0].idempotencyKey);
    expect(session.id).toMatch(/^cs_test_/);
  });

  it("moves a delayed payment along: complete unpaid, then settle", async () => {
    const created = await stripe.checkout.sessions.create(sessionParams());
    expect(fake.complete(created.id, { paymentStatus: "unpaid" })).toMatchObject({ status: "complete", payment_status: "unpaid" });
    expect(fake.settle(created.id, true).payment_status).toBe("paid");
  });
});

describe("stripe events", () => {
  it("builds events the SDK verifies, and refuses tampered or stale ones", async () => {
    const created = await stripe.checkout.sessions.create(sessionParams());
    const event = stripeEvent("checkout.session.completed", fake.complete(created.id));
    expect(event.id).toMatch(/^evt_/);
    const secret = "whsec_test_secret";
    const body = JSON.stringify(event);
    const parsed = stripe.webhooks.constructEvent(body, signStripeEvent(body, secret), secret);
    expect(parsed.type).toBe("checkout.session.completed");
    expect((parsed.data.object as Stripe.Checkout.Session).id).toBe(created.id);

    expect(() => stripe.webhooks.constructEvent(body.replace("complete", "expired"), signStripeEvent(body, secret), secret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    const stale = signStripeEvent(body, secret, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(() => stripe.webhooks.constructEvent(body, stale, secret)).toThrow(/tolerance/i);
  });
});

describe("getStripe", () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
    resetEnvForTests();
    setStripeForTests(undefined);
  });

  it("refuses, naming STRIPE_SECRET_KEY, when no key is set", () => {
    delete process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_WEBHOOK_SECRET;
    resetEnvForTests();
    setStripeForTests(undefined);
    expect(() => getStripe()).toThrow(/STRIPE_SECRET_KEY/);
  });

  it("builds one client from the environment, pointed at STRIPE_API_BASE", async () => {
    process.env.STRIPE_SECRET_KEY = "sk_test_marquee";
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_marquee";
    process.env.STRIPE_API_BASE = fake.url;
    resetEnvForTests();
    setStripeForTests(undefined);
    expect(getStripe()).toBe(getStripe());
    const session = await getStripe().checkout.sessions.create(sessionParams());
    expect(fake.sessions.has(session.id)).toBe(true);
  });

  it("parses an API base into SDK connection options", () => {
    expect(stripeConnection("http://127.0.0.1:4010")).toEqual({ host: "127.0.0.1", port: 4010, protocol: "http" });
    expect(stripeConnection("https://api.stripe.com")).toEqual({ host: "api.stripe.com", port: 443, protocol: "https" });
  });
});

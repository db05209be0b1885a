import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

// A fake of the few Stripe API endpoints Marquee calls, for the real stripe SDK to talk to:
//   new Stripe(key, { host: fake.host, port: fake.port, protocol: "http" })
// It speaks Stripe's wire format (form-encoded requests, JSON objects and errors, Idempotency-Key
// replays) and keeps state, so tests can assert what was asked and move sessions along
// (complete, expire) the way a customer on the hosted page would.

// ---------------------------------------------------------------------------------------------
// Form bodies. Stripe's v1 API takes qs-style nested keys (`line_items[0][price_data][currency]`).
// `qs` is not installed; the subset the SDK produces (brackets, numeric indexes) is small.

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

function decodeFormPart(part: string): string {
  return decodeURIComponent(part.replace(/\+/g, " "));
}

function keySegments(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  for (const m of key.slice(open).matchAll(/\[([^\]]*)\]/g)) segments.push(m[1]);
  return segments;
}

// Objects whose keys are all indexes become arrays, as qs does for `arr[0]=…&arr[1]=…`.
function arraysFromIndexes(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const k of keys) value[k] = arraysFromIndexes(value[k]);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => value[k]);
  }
  return value;
}

/** Parses `a[b][0][c]=x&…` into nested objects and arrays. */
export function parseStripeForm(body: string): FormObject {
  const root: FormObject = {};
  for (const pair of body.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const key = decodeFormPart(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? "" : decodeFormPart(pair.slice(eq + 1));
    const segments = keySegments(key);
    let node: { [key: string]: FormValue } = root;
    segments.forEach((segment, i) => {
      const name = segment === "" ? String(Object.keys(node).length) : segment;
      if (i === segments.length - 1) {
        node[name] = value;
        return;
      }
      const next = node[name];
      if (typeof next !== "object" || Array.isArray(next)) node[name] = {};
      node = node[name] as { [key: string]: FormValue };
    });
  }
  for (const k of Object.keys(root)) root[k] = arraysFromIndexes(root[k]);
  return root;
}

// ---------------------------------------------------------------------------------------------
// Objects, shaped like Stripe's (only the fields Marquee reads, plus the obvious neighbours).

export type FakeLineItem = {
  id: string;
  object: "item";
  description: string;
  quantity: number;
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  price: { id: string; object: "price"; unit_amount: number; currency: string; product: string; metadata: Record<string, string> };
};

export type FakeCheckoutSession = {
  id: string;
  object: "checkout.session";
  created: number;
  livemode: false;
  mode: string;
  url: string | null;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid" | "no_payment_required";
  amount_subtotal: number;
  amount_total: number;
  currency: string | null;
  metadata: Record<string, string>;
  client_reference_id: string | null;
  customer_email: string | null;
  customer_details: { email: string | null; name: string | null } | null;
  expires_at: number;
  payment_intent: string | null;
  success_url: string | null;
  cancel_url: string | null;
  // Kept on the stored session for tests; the API returns it only when expanded, like Stripe.
  line_items: { object: "list"; data: FakeLineItem[]; has_more: false; url: string };
  // What `payment_intent_data` asked for, applied when the payment intent is created.
  payment_intent_data: { metadata: Record<string, string> };
};

/** A session as the API answers it. */
export type FakeSessionObject = Omit<FakeCheckoutSession, "line_items" | "payment_intent_data"> & {
  line_items?: FakeCheckoutSession["line_items"];
};

export type FakePaymentIntent = {
  id: string;
  object: "payment_intent";
  created: number;
  livemode: false;
  amount: number;
  amount_received: number;
  currency: string;
  status: "succeeded" | "processing" | "requires_payment_method";
  latest_charge: string;
  metadata: Record<string, string>;
};

export type FakeRefund = {
  id: string;
  object: "refund";
  created: number;
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  status: "succeeded";
  reason: string | null;
  metadata: Record<string, string>;
};

export type FakeRequest = {
  method: string;
  path: string;
  body: FormObject;
  idempotencyKey: string | undefined;
  // True when the answer was the saved response of an earlier request with the same key.
  replayed: boolean;
  /** Our X-Marquee-Request-Id header, when the app sent one. */
  requestId: string | undefined;
};

export type StripeFake = {
  url: string;
  host: string;
  port: number;
  apiKey: string | undefined;
  sessions: Map<string, FakeCheckoutSession>;
  paymentIntents: Map<string, FakePaymentIntent>;
  refunds: Map<string, FakeRefund>;
  requests: FakeRequest[];
  /** A stripe SDK client pointed at this fake (no retries, so failures surface at once). */
  client(options?: Stripe.StripeConfig): Stripe;
  /** The customer paid: status complete, a payment intent exists. `unpaid` is a delayed method. */
  complete(sessionId: string, opts?: { paymentStatus?: "paid" | "unpaid" }): FakeSessionObject;
  /** A delayed payment settled (async_payment_succeeded) or failed (async_payment_failed). */
  settle(sessionId: string, succeeded: boolean): FakeSessionObject;
  /** Stripe expired the session (its expires_at passed). */
  expire(sessionId: string): FakeSessionObject;
  /** The next `count` API requests answer `status` with a Stripe api_error (no state change). */
  failNext(count?: number, status?: number): void;
  /** Answers to requests matching `method` and `path` leave `ms` later (the work is done at once); `null` ends it. */
  slowDown(rule: { method: string; path: RegExp; ms: number } | null): void;
  /** The object as the API would return it (line_items only when asked). */
  sessionObject(sessionId: string, opts?: { expandLineItems?: boolean }): FakeSessionObject;
  reset(): void;
  close(): Promise<void>;
};

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function fakeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += ID_ALPHABET[b % ID_ALPHABET.length];
  return out;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
  toJSON() {
    return { error: { type: this.type, message: this.message, code: this.code, param: this.param } };
  }
}

const invalid = (message: string, code?: string, param?: string) =>
  new StripeApiError(400, "invalid_request_error", message, code, param);
const missing = (param: string) => invalid(`Missing required param: ${param}.`, "parameter_missing", param);
const noSuch = (kind: string, id: string, param: string) =>
  new StripeApiError(404, "invalid_request_error", `No such ${kind}: '${id}'`, "resource_missing", param);

function str(value: FormValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function obj(value: FormValue | undefined): FormObject {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}

function int(value: FormValue | undefined, param: string, opts: { min?: number } = {}): number | undefined {
  const s = str(value);
  if (s === undefined || s === "") return undefined;
  const n = Number(s);
  if (!Number.isInteger(n) || (opts.min !== undefined && n < opts.min)) {
    throw invalid(`Invalid integer: ${s}`, "parameter_invalid_integer", param);
  }
  return n;
}

function metadataOf(value: FormValue | undefined, param: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(value))) {
    if (typeof v !== "string") throw invalid(`Invalid metadata value for ${k}`, "parameter_invalid_string", `${param}[${k}]`);
    if (v.length > 500) throw invalid("Metadata values can have up to 500 characters", "parameter_invalid_string", `${param}[${k}]`);
    // Stripe treats an empty value as "unset".
    if (v !== "") out[k] = v;
  }
  return out;
}

function wantsLineItems(params: FormObject): boolean {
  const expand = params.expand;
  const list = Array.isArray(expand) ? expand : typeof expand === "string" ? [expand] : [];
  return list.includes("line_items");
}

// ---------------------------------------------------------------------------------------------

export async function startStripeFake(opts: { apiKey?: string } = {}): Promise<StripeFake> {
  const sessions = new Map<string, FakeCheckoutSession>();
  const paymentIntents = new Map<string, FakePaymentIntent>();
  const refunds = new Map<string, FakeRefund>();
  const requests: FakeRequest[] = [];
  // Idempotency-Key → the first request's fingerprint and its saved answer.
  const idempotent = new Map<string, { fingerprint: string; status: number; body: string }>();
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let slow: { method: string; path: RegExp; ms: number } | null = null;
  let baseUrl = "";

  function sessionObject(id: string, o: { expandLineItems?: boolean } = {}): FakeSessionObject {
    const session = sessions.get(id);
    if (!session) throw noSuch("checkout.session", id, "session");
    const { line_items, payment_intent_data: _pid, ...rest } = session;
    return structuredClone(o.expandLineItems ? { ...rest, line_items } : rest);
  }

  function createSession(params: FormObject): FakeCheckoutSession {
    const mode = str(params.mode);
    if (!mode) throw missing("mode");
    if (mode !== "payment") throw invalid(`This fake only supports mode=payment, got ${mode}`, "parameter_invalid_string", "mode");
    const items = params.line_items;
    if (!Array.isArray(items) || items.length === 0) throw missing("line_items");
    const created = nowSeconds();
    const id = fakeId("cs_test_a1", 56);
    const lineItems: FakeLineItem[] = items.map((raw, i) => {
      const item = obj(raw);
      const p = `line_items[${i}]`;
      if (str(item.price)) throw noSuch("price", str(item.price)!, `${p}[price]`);
      const priceData = obj(item.price_data);
      if (!item.price_data) throw invalid(`You must specify either \`price\` or \`price_data\` in ${p}.`, "parameter_missing", `${p}[price_data]`);
      const currency = str(priceData.currency)?.toLowerCase();
      if (!currency) throw missing(`${p}[price_data][currency]`);
      const unitAmount = int(priceData.unit_amount, `${p}[price_data][unit_amount]`, { min: 0 });
      if (unitAmount === undefined) throw missing(`${p}[price_data][unit_amount]`);
      const name = str(obj(priceData.product_data).name);
      if (!name) throw missing(`${p}[price_data][product_data][name]`);
      const quantity = int(item.quantity, `${p}[quantity]`, { min: 1 });
      if (quantity === undefined) throw missing(`${p}[quantity]`);
      return {
        id: fakeId("li_test_"),
        object: "item",
        description: name,
        quantity,
        amount_subtotal: unitAmount * quantity,
        amount_total: unitAmount * quantity,
        currency,
        price: {
          id: fakeId("price_test_"),
          object: "price",
          unit_amount: unitAmount,
          currency,
          product: fakeId("prod_test_", 14),
          metadata: metadataOf(obj(priceData.product_data).metadata, `${p}[price_data][product_data][metadata]`),
        },
      };
    });
    const currencies = new Set(lineItems.map((li) => li.currency));
    if (currencies.size > 1) throw invalid("All line items must use the same currency.", "parameter_invalid_string", "line_items");
    // Stripe accepts 30 minutes to 24 hours after creation, with no slack.
    const expiresAt = int(params.expires_at, "expires_at") ?? created + 24 * 3600;
    if (expiresAt < created + 30 * 60) {
      throw invalid("The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", "parameter_invalid_integer", "expires_at");
    }
    if (expiresAt > created + 24 * 3600) {
      throw invalid("The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", "parameter_invalid_integer", "expires_at");
    }
    const total = lineItems.reduce((sum, li) => sum + li.amount_total, 0);
    const session: FakeCheckoutSession = {
      id,
      object: "checkout.session",
      created,
      livemode: false,
      mode,
      url: `${baseUrl}/c/pay/${id}`,
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: total,
      amount_total: total,
      currency: lineItems[0].currency,
      metadata: metadataOf(params.metadata, "metadata"),
      client_reference_id: str(params.client_reference_id) || null,
      customer_email: str(params.customer_email) || null,
      customer_details: null,
      expires_at: expiresAt,
      payment_intent: null,
      success_url: str(params.success_url) ?? null,
      cancel_url: str(params.cancel_url) ?? null,
      line_items: { object: "list", data: lineItems, has_more: false, url: `/v1/checkout/sessions/${id}/line_items` },
      payment_intent_data: { metadata: metadataOf(obj(params.payment_intent_data).metadata, "payment_intent_data[metadata]") },
    };
    sessions.set(id, session);
    return session;
  }

  function expireSession(id: string): FakeCheckoutSession {
    const session = sessions.get(id);
    if (!session) throw noSuch("checkout.session", id, "session");
    if (session.status !== "open") {
      throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${session.status}\`.`);
    }
    session.status = "expired";
    session.url = null;
    return session;
  }

  function createRefund(params: FormObject): FakeRefund {
    const piId = str(params.payment_intent);
    if (!piId) throw missing("payment_intent");
    const pi = paymentIntents.get(piId);
    if (!pi) throw noSuch("payment_intent", piId, "payment_intent");
    const refunded = [...refunds.values()].filter((r) => r.payment_intent === piId).reduce((s, r) => s + r.amount, 0);
    const remaining = pi.amount_received - refunded;
    if (remaining <= 0) {
      throw invalid(`Charge ${pi.latest_charge} has already been refunded.`, "charge_already_refunded");
    }
    const amount = int(params.amount, "amount", { min: 1 }) ?? remaining;
    if (amount > remaining) {
      throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, "amount_too_large", "amount");
    }
    const refund: FakeRefund = {
      id: fakeId("re_test_"),
      object: "refund",
      created: nowSeconds(),
      amount,
      currency: pi.currency,
      charge: pi.latest_charge,
      payment_intent: piId,
      status: "succeeded",
      reason: str(params.reason) || null,
      metadata: metadataOf(params.metadata, "metadata"),
    };
    refunds.set(refund.id, refund);
    return refund;
  }

  // Routes answer [status, body]; thrown StripeApiErrors become Stripe-shaped error answers.
  function route(method: string, path: string, params: FormObject): [number, unknown] {
    let m: RegExpMatchArray | null;
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const session = createSession(params);
      return [200, sessionObject(session.id, { expandLineItems: wantsLineItems(params) })];
    }
    if (method === "GET" && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)$/))) {
      return [200, sessionObject(decodeURIComponent(m[1]), { expandLineItems: wantsLineItems(params) })];
    }
    if (method === "GET" && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/))) {
      return [200, sessionObject(decodeURIComponent(m[1]), { expandLineItems: true }).line_items];
    }
    if (method === "POST" && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)\/expire$/))) {
      const session = expireSession(decodeURIComponent(m[1]));
      return [200, sessionObject(session.id, { expandLineItems: wantsLineItems(params) })];
    }
    if (method === "GET" && (m = path.match(/^\/v1\/payment_intents\/([^/]+)$/))) {
      const pi = paymentIntents.get(decodeURIComponent(m[1]));
      if (!pi) throw noSuch("payment_intent", m[1], "intent");
      return [200, structuredClone(pi)];
    }
    if (method === "POST" && path === "/v1/refunds") return [200, structuredClone(createRefund(params))];
    if (method === "GET" && (m = path.match(/^\/v1\/refunds\/([^/]+)$/))) {
      const refund = refunds.get(decodeURIComponent(m[1]));
      if (!refund) throw noSuch("refund", m[1], "refund");
      return [200, structuredClone(refund)];
    }
    throw new StripeApiError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  }

  function checkAuth(header: string | undefined) {
    const key = header?.match(/^Bearer (.+)$/)?.[1];
    if (!key) {
      throw new StripeApiError(401, "invalid_request_error", "You did not provide an API key. Provide it in the Authorization header, using Bearer auth.");
    }
    const ok = opts.apiKey ? key === opts.apiKey : /^(sk|rk)_test_/.test(key);
    if (!ok) throw new StripeApiError(401, "invalid_request_error", `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`, "api_key_invalid");
  }

  function handle(req: http.IncomingMessage, raw: string): { status: number; body: string; replayed: boolean } {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const params = parseStripeForm(method === "GET" || method === "DELETE" ? url.search.slice(1) : raw);
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) || undefined;
    const requestId = (req.headers["x-marquee-request-id"] as string | undefined) || undefined;
    const record: FakeRequest = { method, path: url.pathname, body: params, idempotencyKey, replayed: false, requestId };
    requests.push(record);
    try {
      checkAuth(req.headers.authorization);
      if (failures.count > 0) {
        failures.count--;
        throw new StripeApiError(failures.status, "api_error", "An unknown error occurred (injected by the Stripe fake).");
      }
      const fingerprint = `${method} ${url.pathname} ${raw}`;
      if (idempotencyKey && method === "POST") {
        const saved = idempotent.get(idempotencyKey);
        if (saved) {
          if (saved.fingerprint !== fingerprint) {
            throw new StripeApiError(
              400,
              "idempotency_error",
              `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            );
          }
          record.replayed = true;
          return { status: saved.status, body: saved.body, replayed: true };
        }
      }
      const [status, result] = route(method, url.pathname, params);
      const body = JSON.stringify(result);
      // Like Stripe, only requests that ran are saved: a failed validation can be retried.
      if (idempotencyKey && method === "POST") idempotent.set(idempotencyKey, { fingerprint, status, body });
      return { status, body, replayed: false };
    } catch (err) {
      if (err instanceof StripeApiError) return { status: err.status, body: JSON.stringify(err.toJSON()), replayed: false };
      const e = new StripeApiError(500, "api_error", `Stripe fake crashed: ${(err as Error).message}`);
      return { status: 500, body: JSON.stringify(e.toJSON()), replayed: false };
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const { status, body, replayed } = handle(req, Buffer.concat(chunks).toString("utf8"));
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "request-id": fakeId("req_", 14),
        "stripe-version": String(req.headers["stripe-version"] ?? ""),
      };
      if (replayed) headers["idempotent-replayed"] = "true";
      if (req.headers["idempotency-key"]) headers["idempotency-key"] = String(req.headers["idempotency-key"]);
      const delay = slow && req.method === slow.method && slow.path.test(new URL(req.url ?? "/", "http://fake").pathname) ? slow.ms : 0;
      setTimeout(() => res.writeHead(status, headers).end(body), delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const host = "127.0.0.1";
  baseUrl = `http://${host}:${port}`;

  function mustBe(sessionId: string, status: FakeCheckoutSession["status"]): FakeCheckoutSession {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`Stripe fake: no checkout session ${sessionId}`);
    if (session.status !== status) throw new Error(`Stripe fake: session ${sessionId} is ${session.status}, not ${status}`);
    return session;
  }

  return {
    url: baseUrl,
    host,
    port,
    apiKey: opts.apiKey,
    sessions,
    paymentIntents,
    refunds,
    requests,
    client(options = {}) {
      return new Stripe(opts.apiKey ?? "sk_test_fake", { host, port, protocol: "http", maxNetworkRetries: 0, ...options });
    },
    complete(sessionId, o = {}) {
      const session = mustBe(sessionId, "open");
      const paid = (o.paymentStatus ?? "paid") === "paid";
      const pi: FakePaymentIntent = {
        id: fakeId("pi_test_"),
        object: "payment_intent",
        created: nowSeconds(),
        livemode: false,
        amount: session.amount_total,
        amount_received: paid ? session.amount_total : 0,
        currency: session.currency ?? "usd",
        status: paid ? "succeeded" : "processing",
        latest_charge: fakeId("ch_test_"),
        metadata: { ...session.payment_intent_data.metadata },
      };
      paymentIntents.set(pi.id, pi);
      session.status = "complete";
      session.payment_status = paid ? "paid" : "unpaid";
      session.payment_intent = pi.id;
      session.url = null;
      session.customer_details = { email: session.customer_email ?? "customer@example.com", name: null };
      return sessionObject(sessionId);
    },
    settle(sessionId, succeeded) {
      const session = mustBe(sessionId, "complete");
      const pi = paymentIntents.get(session.payment_intent!)!;
      if (succeeded) {
        session.payment_status = "paid";
        pi.status = "succeeded";
        pi.amount_received = pi.amount;
      } else {
        pi.status = "requires_payment_method";
      }
      return sessionObject(sessionId);
    },
    expire(sessionId) {
      mustBe(sessionId, "open");
      expireSession(sessionId);
      return sessionObject(sessionId);
    },
    failNext(count = 1, status = 500) {
      failures = { count, status };
    },
    slowDown(rule) {
      slow = rule;
    },
    sessionObject,
    reset() {
      sessions.clear();
      paymentIntents.clear();
      refunds.clear();
      requests.length = 0;
      idempotent.clear();
      failures = { count: 0, status: 500 };
      slow = null;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Webhook events, built and signed offline the way Stripe delivers them.

/** A Stripe-shaped event around `object` (a session from the fake, for example). */
export function stripeEvent<T extends object>(type: string, object: T, opts: { id?: string; created?: number } = {}) {
  return {
    id: opts.id ?? fakeId("evt_test_"),
    object: "event" as const,
    api_version: Stripe.API_VERSION,
    created: opts.created ?? nowSeconds(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** The Stripe-Signature header for `payload` (the exact body string to post). */
export function signStripeEvent(payload: string, secret: string, opts: { timestamp?: number } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: opts.timestamp });
}

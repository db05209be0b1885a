import pino from "pino";
import { currentRequestId } from "./request-context";

// Structured JSON logs. Lazily built so tests and the build can change LOG_LEVEL first.
// Every line written while a request is served carries its id as `reqId` (lib/request-context.ts).
// Secrets and email addresses are scrubbed from every line — the fields and the message, error
// messages and stacks included, since errors often quote their input (a provider's refusal
// names the address, a driver error carries the query's parameters).
let logger: pino.Logger | undefined;

const REDACTED = "[redacted]";
// Matched against field names at any depth: headers (authorization, cookie, set-cookie,
// stripe-signature), credentials and card data.
const SECRET_FIELD = /pass(word|wd)|secret|token|authorization|cookie|signature|api[-_]?key|credential|cvc|^card|card$/i;
const SECRET_TEXT: [RegExp, string][] = [
  [/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`],
  // Stripe secret/restricted/webhook keys and Resend keys, wherever they are quoted.
  [/\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]+/g, REDACTED],
  [/\bwhsec_[A-Za-z0-9+/=]+/g, REDACTED],
  [/\bre_[A-Za-z0-9_]{16,}/g, REDACTED],
  // A Stripe-Signature value: t=…,v1=…
  [/\bt=\d+,v1=[0-9a-f]+(?:,v\d=[0-9a-f]+)*/g, REDACTED],
];
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
const MAX_DEPTH = 6;

/** "jane.doe@example.com" → "j***@example.com": enough to tell customers apart in support. */
export function maskEmail(address: string): string {
  return address.replace(EMAIL, "$1***@$2");
}

function scrubText(text: string): string {
  let out = maskEmail(text);
  for (const [pattern, replacement] of SECRET_TEXT) out = out.replace(pattern, replacement);
  return out;
}

function scrub(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (seen.has(value) || depth > MAX_DEPTH) return "[…]";
  seen.add(value);
  if (value instanceof Error) value = pino.stdSerializers.err(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    out[key] = SECRET_FIELD.test(key) && v != null && v !== "" ? REDACTED : scrub(v, depth + 1, seen);
  }
  return out;
}

// A requestLog() child already names its request; the mixin must not add a second reqId.
const BOUND = Symbol("marquee.log.bound-request");
type Marked = { [BOUND]?: boolean };

/** The logger with Marquee's settings; tests pass a destination to read the lines back. */
export function buildLogger(destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: { app: "marquee" },
      mixin(_obj, _level, instance) {
        if ((instance as Marked)[BOUND]) return {};
        const reqId = currentRequestId();
        return reqId ? { reqId } : {};
      },
      formatters: {
        log: (obj) => scrub(obj) as Record<string, unknown>,
        bindings: (bindings) => scrub(bindings) as pino.Bindings,
      },
      // Errors were made plain by the log formatter; one passed some other way is scrubbed here.
      serializers: { err: (err: unknown) => (err instanceof Error ? scrub(err) : err) },
      hooks: {
        logMethod(args, method) {
          // log.error(err) takes its message from the error: move it where it gets scrubbed.
          const [first, ...rest] = args as unknown[];
          const normalised = first instanceof Error ? [{ err: first }, rest[0] ?? first.message, ...rest.slice(1)] : args;
          const scrubbed = (normalised as unknown[]).map((a) => (typeof a === "string" ? scrubText(a) : a));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export const log = new Proxy({} as pino.Logger, {
  get(_t, prop) {
    logger ??= buildLogger();
    const value = Reflect.get(logger, prop);
    return typeof value === "function" ? value.bind(logger) : value;
  },
});

/**
 * A logger bound to the current request's id, for work that outlives the request's async
 * context (a callback handed to a library, a queue). Inside the request `log` adds the id itself.
 */
export function requestLog(bindings: Record<string, unknown> = {}): pino.Logger {
  const reqId = currentRequestId();
  if (!reqId) return log.child(bindings);
  const child = log.child({ ...bindings, reqId }) as pino.Logger & Marked;
  child[BOUND] = true;
  return child;
}

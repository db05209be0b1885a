import { AsyncLocalStorage } from "node:async_hooks";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";

// The id of the request being served, for every log line it causes. proxy.ts puts it in the
// x-request-id request header (the caller's own, or a fresh one) and echoes it on the response.
//
// Log calls are synchronous and happen deep in lib/, far from any headers() call, so the id is
// read synchronously: first from our own AsyncLocalStorage (runWithRequestId: route handler
// wrappers, scripts, tests), then from the request store Next keeps for the request it is
// serving, the same store headers() reads. The `.external` module is the one instance Next shares
// between its bundles; if a future Next moves it, logs merely lose the id, nothing breaks.

export const REQUEST_ID_HEADER = "x-request-id";

// Accepted from callers (a load balancer, a client retrying): short and log-safe, so a forged
// header cannot inject lines or bloat every log entry.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

type Context = { requestId: string };

const SLOT = Symbol.for("marquee.request-context");
const shared = globalThis as typeof globalThis & { [SLOT]?: AsyncLocalStorage<Context> };
const storage = (shared[SLOT] ??= new AsyncLocalStorage<Context>());

export function newRequestId(): string {
  return crypto.randomUUID();
}

/** The caller's id when it is safe to reuse, otherwise a fresh one. */
export function acceptRequestId(incoming: string | null | undefined): string {
  return incoming && ACCEPTABLE_ID.test(incoming) ? incoming : newRequestId();
}

/** Runs fn with requestId as the current request's id (its log lines carry it). */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/** The current request's id, or undefined outside a request (start-up, timers). */
export function currentRequestId(): string | undefined {
  const own = storage.getStore()?.requestId;
  if (own) return own;
  try {
    const store = workUnitAsyncStorage.getStore();
    if (store?.type !== "request") return undefined;
    const header = store.headers.get(REQUEST_ID_HEADER);
    // proxy.ts has already put a sane id here; a request it skipped may carry anything.
    return header && ACCEPTABLE_ID.test(header) ? header : freshIdFor(store);
  } catch {
    return undefined;
  }
}

// Server action calls skip proxy.ts (its matcher), which would cost each of them about as much
// as the action itself; they get a fresh id here instead, kept with Next's request store so
// every line of one request shares it.
const freshIds = new WeakMap<object, string>();
function freshIdFor(store: object): string {
  let id = freshIds.get(store);
  if (!id) freshIds.set(store, (id = newRequestId()));
  return id;
}

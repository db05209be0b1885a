import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { AppError, errorResponse } from "@/lib/errors";
import { signInRateLimit } from "@/lib/rate-limit/sign-in";

// A refused sign-in link (lib/rate-limit/sign-in.ts) reaches Auth.js as an AuthError, which its
// route answers with a redirect to ?error=Configuration ("Signing in isn't working"). The person
// should instead learn when to try again: the form's action reads the refusal from the error
// signIn() throws; the route, which only sees Auth.js's redirect, is told through this store.

/** What the sign-in page and the route say to a throttled address. */
export function signInThrottledMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in links for this address; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The rate_limited AppError for a throttled sign-in, or null when `err` is some other failure. */
export function signInThrottled(err: unknown): AppError | null {
  const refusal = signInRateLimit(err);
  if (!refusal) return null;
  return new AppError("rate_limited", signInThrottledMessage(refusal.retryAfterSeconds), { retryAfterSeconds: refusal.retryAfterSeconds });
}

const refusals = new AsyncLocalStorage<{ refusal?: AppError }>();

/** Called by the magic-link provider when sending was refused: the route answers 429 instead. */
export function noteSignInRefusal(err: unknown): void {
  const store = refusals.getStore();
  const throttled = signInThrottled(err);
  if (store && throttled) store.refusal = throttled;
}

/** Runs an Auth.js route request; a throttled sign-in becomes 429 with Retry-After and the message. */
export async function answerThrottledSignIn(run: () => Promise<Response>): Promise<Response> {
  const store: { refusal?: AppError } = {};
  const res = await refusals.run(store, run);
  return store.refusal ? errorResponse(store.refusal) : res;
}

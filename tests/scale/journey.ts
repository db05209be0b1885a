// One simulated customer buying tickets over HTTP, the way the browser does it: read the seat
// map, hold a chunk of seats (server action), Continue (checkout action, which redirects to the
// local test checkout), open that page, press Pay / Decline / Cancel (server action), and land on
// the success page, which also fulfils. Each step goes to the other instance than the one before,
// so every hand-over between steps crosses instances through the shared Postgres and Redis.
import { ACTIONS, callFormAction, callJsonAction, pathOf, type Visitor } from "../../bench/support/actions";
import type { HttpClient } from "../../bench/support/http";
import type { Instance } from "../../bench/support/instances";
import type { Chunk, Show } from "./seating";

export type Plan = "pay" | "decline-then-pay" | "decline-then-cancel" | "cancel" | "release";

export type Outcome =
  | "paid"
  | "refunded" // the success page says the payment was refunded (a seat conflict)
  | "cancelled"
  | "released"
  | "sold-out" // no free chunk left on the map
  | "gave-up" // every hold attempt lost a race
  | "checkout-refused"
  | "session-ended" // the payment page refused to pay: the show was cancelled while the customer was on it
  | "throttled"
  | "error";

export type Customer = {
  index: number;
  userId: string;
  email: string;
  sessionToken: string;
  holder: string;
  address: string;
  plan: Plan;
  party: 2 | 3;
  step: number;
  holdConflicts: number;
  chunk?: Chunk;
  sessionId?: string;
  outcome?: Outcome;
  detail?: string;
};

export type Ids = { hold: string; release: string; checkout: string; settle: string; cancel: string };

export function actionIds(): Ids {
  return { hold: ACTIONS.holdSeats(), release: ACTIONS.releaseSeats(), checkout: ACTIONS.checkout(), settle: ACTIONS.settleLocalCheckout(), cancel: ACTIONS.cancelCheckout() };
}

export class JourneyError extends Error {}

type Ctx = { client: HttpClient; instances: Instance[]; ids: Ids; random: () => number };

function visitor(c: Customer): Visitor {
  return { cookie: `mq_holder=${c.holder}; authjs.session-token=${c.sessionToken}`, forwardedFor: c.address };
}

/** The instance for this customer's next step: customers start on alternate instances and switch every step. */
function nextInstance(ctx: Ctx, c: Customer): Instance {
  return ctx.instances[(c.index + c.step++) % ctx.instances.length];
}

async function get(ctx: Ctx, c: Customer, path: string) {
  const inst = nextInstance(ctx, c);
  const v = visitor(c);
  return ctx.client.request({ port: inst.port, method: "GET", path, headers: { cookie: v.cookie, "x-forwarded-for": c.address } }, 120_000);
}

async function seatStates(ctx: Ctx, c: Customer, show: Show): Promise<Record<string, string>> {
  const res = await get(ctx, c, `/api/shows/${show.showId}/seats`);
  if (res.status !== 200) throw new JourneyError(`seat map answered ${res.status}`);
  return (JSON.parse(res.body) as { states: Record<string, string> }).states;
}

/** Holds `chunk`; true when held, false when someone else has a seat of it. */
export async function hold(ctx: Ctx, c: Customer, show: Show, chunk: Chunk): Promise<boolean> {
  const inst = nextInstance(ctx, c);
  const call = await callJsonAction<{ mine: string[] }>(ctx.client, {
    port: inst.port,
    page: `/shows/${show.showId}`,
    id: ctx.ids.hold,
    arg: { showId: show.showId, seatIds: chunk.seatIds },
    visitor: visitor(c),
  });
  if (!call.result) throw new JourneyError(`hold answered HTTP ${call.status}`);
  if (call.result.ok) {
    const mine = [...call.result.data.mine].sort().join();
    if (mine !== [...chunk.seatIds].sort().join()) throw new JourneyError(`hold of ${chunk.label} reported other seats as mine`);
    return true;
  }
  if (call.result.code === "conflict") return false;
  if (call.result.code === "rate_limited") throw Object.assign(new JourneyError(call.result.message), { outcome: "throttled" as const });
  throw new JourneyError(`hold refused: ${call.result.code} ${call.result.message}`);
}

/** Checkout: returns the local checkout session id, or null when the app refused (seats gone). */
export async function startCheckout(ctx: Ctx, c: Customer, show: Show): Promise<string | null> {
  const inst = nextInstance(ctx, c);
  const res = await callFormAction(ctx.client, { port: inst.port, page: `/shows/${show.showId}`, id: ctx.ids.checkout, fields: { showId: show.showId }, visitor: visitor(c) });
  if (!res.redirect) throw new JourneyError(`checkout did not redirect (HTTP ${res.status})`);
  const target = pathOf(res.redirect);
  const match = /^\/checkout\/local\/(cs_local_[0-9a-f]{24})$/.exec(target);
  if (match) return match[1];
  if (target.startsWith(`/shows/${show.showId}?error=`)) {
    c.detail = decodeURIComponent(target.split("?error=")[1] ?? "");
    return null;
  }
  throw new JourneyError(`checkout redirected to ${target}`);
}

export async function openCheckoutPage(ctx: Ctx, c: Customer, sessionId: string, query = "") {
  const res = await get(ctx, c, `/checkout/local/${sessionId}${query}`);
  if (res.status !== 200 || !res.body.includes("TEST PAYMENT")) throw new JourneyError(`local checkout page answered ${res.status}`);
  return res.body;
}

async function settle(ctx: Ctx, c: Customer, sessionId: string, outcome: "pay" | "decline" | "cancel"): Promise<string> {
  const inst = nextInstance(ctx, c);
  const res = await callFormAction(ctx.client, {
    port: inst.port,
    page: `/checkout/local/${sessionId}`,
    id: ctx.ids.settle,
    fields: { sessionId, outcome },
    visitor: visitor(c),
  });
  if (!res.redirect) throw new JourneyError(`${outcome} did not redirect (HTTP ${res.status})`);
  return pathOf(res.redirect);
}

/** Pays and reads the success page: "paid" or "refunded" (the page says which). */
export async function pay(ctx: Ctx, c: Customer, sessionId: string): Promise<Outcome> {
  const target = await settle(ctx, c, sessionId, "pay");
  if (target.startsWith(`/checkout/local/${sessionId}?error=`)) {
    c.detail = decodeURIComponent(target.split("?error=")[1] ?? "");
    return "session-ended";
  }
  if (target !== `/checkout/success?session_id=${sessionId}`) throw new JourneyError(`pay redirected to ${target}`);
  const res = await get(ctx, c, target);
  if (res.status !== 200) throw new JourneyError(`success page answered ${res.status}`);
  if (res.body.includes("going to see")) return "paid";
  if (res.body.includes("give you those seats")) return "refunded";
  throw new JourneyError("success page shows neither tickets nor a refund");
}

async function cancel(ctx: Ctx, c: Customer, sessionId: string): Promise<Outcome> {
  const target = await settle(ctx, c, sessionId, "cancel");
  if (!target.startsWith("/checkout/cancel?order=")) throw new JourneyError(`cancel redirected to ${target}`);
  // The cancel URL is a page that changes nothing; its button posts the cancellation.
  const page = await get(ctx, c, target);
  if (page.status !== 200) throw new JourneyError(`cancel page answered ${page.status}`);
  // No button: the order ended under the customer (its show was cancelled meanwhile); the checks
  // then find it cancelled or refunded, as for a payment page that refused to pay.
  if (!page.body.includes("Cancel checkout and release my seats")) return "session-ended";
  const orderId = new URLSearchParams(target.split("?")[1]).get("order") ?? "";
  const res = await callFormAction(ctx.client, { port: nextInstance(ctx, c).port, page: target, id: ctx.ids.cancel, fields: { orderId }, visitor: visitor(c) });
  if (!res.redirect || !pathOf(res.redirect).includes("cancelled=1")) throw new JourneyError(`cancel answered ${res.status} → ${res.redirect}`);
  return "cancelled";
}

async function release(ctx: Ctx, c: Customer, show: Show, chunk: Chunk): Promise<Outcome> {
  const inst = nextInstance(ctx, c);
  const call = await callJsonAction<{ mine: string[] }>(ctx.client, {
    port: inst.port,
    page: `/shows/${show.showId}`,
    id: ctx.ids.release,
    arg: { showId: show.showId, seatIds: chunk.seatIds },
    visitor: visitor(c),
  });
  if (!call.result?.ok || call.result.data.mine.length) throw new JourneyError(`release failed: ${JSON.stringify(call.result)}`);
  return "released";
}

const HOLD_ATTEMPTS = 3;

/** The whole journey of one customer on the contended show; sets c.outcome. */
export async function buy(ctx: Ctx, c: Customer, show: Show): Promise<void> {
  try {
    let chunk: Chunk | undefined;
    for (let attempt = 0; attempt < HOLD_ATTEMPTS && !chunk; attempt++) {
      const states = await seatStates(ctx, c, show);
      const free = show.chunks.filter((ch) => ch.seatIds.every((id) => !states[id]));
      if (!free.length) {
        c.outcome = "sold-out";
        return;
      }
      const fits = free.filter((ch) => ch.seatIds.length === c.party);
      const choices = fits.length ? fits : free;
      const pick = choices[Math.floor(ctx.random() * choices.length)];
      if (await hold(ctx, c, show, pick)) chunk = pick;
      else c.holdConflicts++;
    }
    if (chunk) {
      // Live state across instances: the next read goes to the instance that did not take the
      // hold, and it must already show those seats as this customer's (the seat map polls it).
      const seen = await seatStates(ctx, c, show);
      const notMine = chunk.seatIds.filter((id) => seen[id] !== "mine");
      if (notMine.length) throw new JourneyError(`the other instance does not show the hold of ${chunk.label} (${notMine.map((id) => seen[id] ?? "free").join(", ")})`);
    }
    if (!chunk) {
      c.outcome = "gave-up";
      return;
    }
    c.chunk = chunk;
    if (c.plan === "release") {
      c.outcome = await release(ctx, c, show, chunk);
      return;
    }
    const sessionId = await startCheckout(ctx, c, show);
    if (!sessionId) {
      c.outcome = "checkout-refused";
      return;
    }
    c.sessionId = sessionId;
    await openCheckoutPage(ctx, c, sessionId);
    if (c.plan === "decline-then-pay" || c.plan === "decline-then-cancel") {
      const target = await settle(ctx, c, sessionId, "decline");
      // The session ended under the customer (the show was cancelled meanwhile): the page says so.
      if (target.startsWith(`/checkout/local/${sessionId}?error=`)) {
        c.detail = decodeURIComponent(target.split("?error=")[1] ?? "");
        c.outcome = "session-ended";
        return;
      }
      if (target !== `/checkout/local/${sessionId}?declined=1`) throw new JourneyError(`decline redirected to ${target}`);
      await openCheckoutPage(ctx, c, sessionId, "?declined=1");
    }
    c.outcome = c.plan === "cancel" || c.plan === "decline-then-cancel" ? await cancel(ctx, c, sessionId) : await pay(ctx, c, sessionId);
  } catch (err) {
    c.outcome = (err as { outcome?: Outcome }).outcome ?? "error";
    c.detail = err instanceof Error ? err.message : String(err);
  }
}

/**
 * Two customers pay for the same seats at once, on different instances, after the first one's
 * locks were lost (as in a Redis failover without persistence): the test deletes the victim's
 * keys while it is on the payment page, so the rival can hold and check out the same chunk.
 * Redis can no longer keep them apart; Postgres must — exactly one gets tickets, the other is
 * refunded with reason seat_conflict.
 */
export async function lostLockPair(ctx: Ctx, victim: Customer, rival: Customer, show: Show, chunk: Chunk, dropLocks: (seatIds: string[]) => Promise<void>): Promise<void> {
  try {
    victim.chunk = rival.chunk = chunk;
    if (!(await hold(ctx, victim, show, chunk))) throw new JourneyError(`victim could not hold ${chunk.label}`);
    const victimSession = await startCheckout(ctx, victim, show);
    if (!victimSession) throw new JourneyError(`victim checkout refused: ${victim.detail}`);
    victim.sessionId = victimSession;
    await openCheckoutPage(ctx, victim, victimSession);
    await dropLocks(chunk.seatIds);
    if (!(await hold(ctx, rival, show, chunk))) throw new JourneyError(`rival could not hold ${chunk.label} after its locks were dropped`);
    const rivalSession = await startCheckout(ctx, rival, show);
    if (!rivalSession) throw new JourneyError(`rival checkout refused: ${rival.detail}`);
    rival.sessionId = rivalSession;
    await openCheckoutPage(ctx, rival, rivalSession);
    const [v, r] = await Promise.all([pay(ctx, victim, victimSession), pay(ctx, rival, rivalSession)]);
    victim.outcome = v;
    rival.outcome = r;
  } catch (err) {
    victim.outcome ??= "error";
    rival.outcome ??= "error";
    victim.detail = rival.detail = err instanceof Error ? err.message : String(err);
  }
}

/** An admin's JSON action (cancel a show, refund a booking) on one instance; throws unless it succeeded. */
export async function adminAction<T>(ctx: Ctx, admin: { sessionToken: string }, opts: { port: number; page: string; id: string; arg: unknown }): Promise<T> {
  const call = await callJsonAction<T>(ctx.client, { ...opts, visitor: { cookie: `authjs.session-token=${admin.sessionToken}` } });
  if (!call.result?.ok) throw new JourneyError(`admin action on ${opts.page} failed: HTTP ${call.status} ${JSON.stringify(call.result)}`);
  return call.result.data;
}

export type { Ctx as JourneyContext };

import { seatLockKey, uniqueSeatIds } from "./keys";
import type { ClaimLimit, ClaimRequest, ClaimResult, ShowFacts } from "./types";

// The memory backend's claim: the same checks, in the same order, as CLAIM_SCRIPT (scripts.ts).
// Everything here runs without an await, so it is as atomic as the script.

export type StoredFacts = { facts: ShowFacts; seats: Map<string, ShowFacts["seats"][number]>; position: Map<string, number>; sold: Set<string>; expiresAt: number };
type Lock = { holder: string; expiresAt: number };
type Window = { used: number; endsAt: number };

export function storeFacts(facts: ShowFacts, expiresAt: number): StoredFacts {
  return { facts, seats: new Map(facts.seats.map((s) => [s.id, s])), position: new Map(facts.seats.map((s, i) => [s.id, i])), sold: new Set(facts.sold), expiresAt };
}

/** Counts every limit or none: a refused claim uses no budget. */
function countLimits(windows: Map<string, Window>, limits: ClaimLimit[], now: number): number {
  let retryMs = 0;
  for (const l of limits) {
    const w = windows.get(l.key);
    const used = w && w.endsAt > now ? w.used : 0;
    if (used + l.cost > l.limit) retryMs = Math.max(retryMs, w!.endsAt - now);
  }
  if (retryMs > 0) return retryMs;
  for (const l of limits) {
    let w = windows.get(l.key);
    if (!w || w.endsAt <= now) windows.set(l.key, (w = { used: 0, endsAt: now + l.windowMs }));
    w.used += l.cost;
  }
  return 0;
}

export function claimInMemory(
  state: { locks: Map<string, Lock>; facts: Map<string, StoredFacts>; windows: Map<string, Window>; heldBy: (showId: string, holder: string) => string[] },
  req: ClaimRequest,
): ClaimResult {
  const now = req.now;
  const ids = uniqueSeatIds(req.seatIds);
  const stored = state.facts.get(req.showId);
  if (!stored || stored.expiresAt <= Date.now()) return { ok: false, reason: "no_facts" };
  const { facts } = stored;
  if (facts.cancelled) return { ok: false, reason: "cancelled" };
  if (facts.startsAt <= now) return { ok: false, reason: "started" };
  if (facts.waitingRoom && facts.waitingRoom.from <= now && !req.admitted) return { ok: false, reason: "not_admitted" };
  const retryMs = countLimits(state.windows, req.limits, Date.now());
  if (retryMs > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: Math.max(1, Math.ceil(retryMs / 1000)) };
  const unknown = ids.filter((id) => !stored.seats.has(id));
  if (unknown.length) return { ok: false, reason: "unknown", seats: unknown };
  const seats = ids.map((id) => stored.seats.get(id)!);
  const offSale = seats.find((s) => !s.onSale);
  if (offSale) return { ok: false, reason: "not_on_sale", tier: offSale.tier };
  const sold = seats.filter((s) => stored.sold.has(s.id));
  if (sold.length) return { ok: false, reason: "sold", seats: sold.map(({ id, label }) => ({ id, label })) };
  const mine = state.heldBy(req.showId, req.holder);
  // In the layout's order, as the script answers.
  const selection = [...new Set([...mine, ...ids])].sort((a, b) => (stored.position.get(a) ?? 0) - (stored.position.get(b) ?? 0));
  if (selection.length > req.maxSeats) return { ok: false, reason: "too_many" };
  const wall = Date.now();
  const taken = seats.filter((s) => {
    const lock = state.locks.get(seatLockKey(req.showId, s.id));
    return lock !== undefined && lock.expiresAt > wall && lock.holder !== req.holder;
  });
  if (taken.length) return { ok: false, reason: "taken", seats: taken.map(({ id, label }) => ({ id, label })) };
  const expiresAt = wall + req.ttlMs;
  for (const id of selection) state.locks.set(seatLockKey(req.showId, id), { holder: req.holder, expiresAt });
  return { ok: true, mine: selection, expiresAt };
}

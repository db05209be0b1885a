import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { ClaimRequest, SeatLockStore, ShowFacts } from "@/lib/seat-locks/types";

// The show facts and the one-call hold (claim), as every seat-lock backend must keep them
// (issue 22). Registered inside the seat-lock contract, so it runs on memory, Redis and Upstash.

const LONG = 60_000;
const HOUR = 3_600_000;

export function factsOf(overrides: Partial<ShowFacts> = {}): ShowFacts {
  return {
    cancelled: false,
    startsAt: Date.now() + HOUR,
    seats: [
      { id: "A1", tier: "standard", label: "A1", onSale: true },
      { id: "A2", tier: "standard", label: "A2", onSale: true },
      { id: "A3", tier: "standard", label: "A3", onSale: true },
      { id: "B1", tier: "premium", label: "B1", onSale: true },
      { id: "V1", tier: "vip", label: "V1", onSale: false },
    ],
    sold: [],
    waitingRoom: null,
    ...overrides,
  };
}

export function showFactsContract(backend: { readonly store: SeatLockStore; connect(): SeatLockStore }) {
  const newShow = () => `show-${randomUUID()}`;
  const newHolder = () => `holder-${randomUUID()}`;
  const claim = (store: SeatLockStore, req: Partial<ClaimRequest> & { showId: string; seatIds: string[]; holder: string }) =>
    store.claim({ ttlMs: LONG, maxSeats: 10, limits: [], admitted: false, now: Date.now(), ...req });
  const withFacts = async (facts = factsOf()) => {
    const show = newShow();
    await backend.store.putShowFacts(show, facts, LONG);
    return show;
  };

  it("keeps a show's facts whole, answers no_facts without them, and forgets them when dropped", async () => {
    const show = newShow();
    const a = newHolder();
    expect(await backend.store.showFacts(show)).toBeNull();
    expect(await claim(backend.store, { showId: show, seatIds: ["A1"], holder: a })).toEqual({ ok: false, reason: "no_facts" });
    expect(await backend.store.holders(show, ["A1"])).toEqual(new Map());
    const facts = factsOf({ sold: ["A3"], waitingRoom: { from: 1_000, perMinute: 120 } });
    await backend.store.putShowFacts(show, facts, LONG);
    const read = await backend.connect().showFacts(show);
    expect(read).toEqual(facts);
    await backend.store.dropShowFacts(show);
    expect(await backend.store.showFacts(show)).toBeNull();
  });

  it("holds through claim, answering the holder's whole selection, on the exact seat_lock keys others see", async () => {
    const show = await withFacts();
    const a = newHolder();
    const first = await claim(backend.store, { showId: show, seatIds: ["A1"], holder: a });
    expect(first).toEqual({ ok: true, mine: ["A1"], expiresAt: expect.any(Number) });
    const second = await claim(backend.connect(), { showId: show, seatIds: ["A2", "A2"], holder: a });
    if (!second.ok) throw new Error("refused");
    expect(second.mine).toEqual(["A1", "A2"]);
    // Answered in the layout's order, whatever the order of asking.
    const c = newHolder();
    await claim(backend.store, { showId: show, seatIds: ["B1"], holder: c });
    expect(await claim(backend.store, { showId: show, seatIds: ["A3"], holder: c })).toMatchObject({ ok: true, mine: ["A3", "B1"] });
    expect(await backend.store.releaseAndList(show, [], c)).toMatchObject({ mine: ["A3", "B1"] });
    expect(await backend.store.holders(show, ["A1", "A2"])).toEqual(new Map([["A1", a], ["A2", a]]));
    expect((await backend.store.heldBy(show, a)).sort()).toEqual(["A1", "A2"]);
    // A claim and a plain hold judge the same locks.
    expect(await backend.store.hold(show, ["A2"], newHolder(), LONG)).toEqual({ ok: false, taken: ["A2"] });
  });

  it("refuses by the facts, naming what is wrong, and holds nothing", async () => {
    const a = newHolder();
    const cases: [Partial<ShowFacts>, string[], object][] = [
      [{ cancelled: true }, ["A1"], { ok: false, reason: "cancelled" }],
      [{ startsAt: Date.now() - 1 }, ["A1"], { ok: false, reason: "started" }],
      [{}, ["A1", "Z9"], { ok: false, reason: "unknown", seats: ["Z9"] }],
      [{}, ["A1", "V1"], { ok: false, reason: "not_on_sale", tier: "vip" }],
      [{ sold: ["A2", "A3"] }, ["A1", "A2", "A3"], { ok: false, reason: "sold", seats: [{ id: "A2", label: "A2" }, { id: "A3", label: "A3" }] }],
    ];
    for (const [overrides, seatIds, expected] of cases) {
      const show = await withFacts(factsOf(overrides));
      expect(await claim(backend.store, { showId: show, seatIds, holder: a })).toEqual(expected);
      expect(await backend.store.heldBy(show, a)).toEqual([]);
    }
  });

  it("refuses seats another holder has, and more seats than one order may have, whole", async () => {
    const show = await withFacts();
    const [a, b] = [newHolder(), newHolder()];
    expect((await claim(backend.store, { showId: show, seatIds: ["A2"], holder: b })).ok).toBe(true);
    expect(await claim(backend.store, { showId: show, seatIds: ["A1", "A2"], holder: a })).toEqual({ ok: false, reason: "taken", seats: [{ id: "A2", label: "A2" }] });
    expect((await claim(backend.store, { showId: show, seatIds: ["A1"], holder: a, maxSeats: 2 })).ok).toBe(true);
    expect(await claim(backend.store, { showId: show, seatIds: ["A3", "B1"], holder: a, maxSeats: 2 })).toEqual({ ok: false, reason: "too_many" });
    expect(await backend.store.heldBy(show, a)).toEqual(["A1"]);
  });

  it("gives one seat to exactly one of 300 concurrent claims across clients", async () => {
    const show = await withFacts();
    const clients = [backend.store, backend.connect(), backend.connect()];
    const contenders = Array.from({ length: 300 }, newHolder);
    const results = await Promise.all(contenders.map((h, i) => claim(clients[i % 3], { showId: show, seatIds: ["B1"], holder: h })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r).toEqual({ ok: false, reason: "taken", seats: [{ id: "B1", label: "B1" }] });
  });

  it("releases and lists what is still held in one step, touching only the caller's own locks", async () => {
    const show = await withFacts();
    const [a, b] = [newHolder(), newHolder()];
    await claim(backend.store, { showId: show, seatIds: ["A1", "A2", "A3"], holder: a });
    await claim(backend.store, { showId: show, seatIds: ["B1"], holder: b });
    const after = await backend.connect().releaseAndList(show, ["A1", "B1"], a);
    expect([...after.mine].sort()).toEqual(["A2", "A3"]);
    expect(after.expiresAt).toBeGreaterThan(Date.now());
    expect(await backend.store.holders(show, ["A1", "B1"])).toEqual(new Map([["B1", b]]));
    expect(await backend.store.releaseAndList(show, ["A2", "A3"], a)).toEqual({ mine: [], expiresAt: null });
  });

  it("marks seats sold and back on sale; with no facts, marking keeps nothing", async () => {
    const show = await withFacts();
    const a = newHolder();
    await backend.store.markSold(show, ["A1"], true);
    expect(await claim(backend.store, { showId: show, seatIds: ["A1"], holder: a })).toMatchObject({ ok: false, reason: "sold" });
    await backend.connect().markSold(show, ["A1"], false);
    expect((await claim(backend.store, { showId: show, seatIds: ["A1"], holder: a })).ok).toBe(true);
    const bare = newShow();
    await backend.store.markSold(bare, ["A1"], true);
    expect(await backend.store.showFacts(bare)).toBeNull();
  });

  it("counts every rate limit in the same step, all or none, and says when to retry", async () => {
    const show = await withFacts();
    const a = newHolder();
    const tight = { key: `rl:contract:${randomUUID()}`, windowMs: LONG, limit: 2, cost: 1 };
    const roomy = { key: `rl:contract:${randomUUID()}`, windowMs: LONG, limit: 100, cost: 1 };
    const limits = [tight, roomy];
    expect((await claim(backend.store, { showId: show, seatIds: ["A1"], holder: a, limits })).ok).toBe(true);
    expect((await claim(backend.connect(), { showId: show, seatIds: ["A2"], holder: a, limits })).ok).toBe(true);
    const refused = await claim(backend.store, { showId: show, seatIds: ["A3"], holder: a, limits });
    expect(refused).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: expect.any(Number) });
    if (refused.ok || refused.reason !== "rate_limited") throw new Error("expected rate_limited");
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await backend.store.heldBy(show, a)).sort()).toEqual(["A1", "A2"]);
    // The refused call used none of the roomy budget: a third call still fits, a fourth does not.
    const roomyOnly = { ...roomy, limit: 3 };
    expect((await claim(backend.store, { showId: show, seatIds: ["A3"], holder: a, limits: [roomyOnly] })).ok).toBe(true);
    expect(await claim(backend.store, { showId: show, seatIds: ["B1"], holder: a, limits: [roomyOnly] })).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("asks for an admission while the show's waiting room is on, and only then", async () => {
    const now = Date.now();
    const show = await withFacts(factsOf({ waitingRoom: { from: now + 1_000, perMinute: 60 } }));
    const [a, b] = [newHolder(), newHolder()];
    // Before the line opens, anyone may hold.
    expect((await claim(backend.store, { showId: show, seatIds: ["A1"], holder: a, now })).ok).toBe(true);
    expect(await claim(backend.store, { showId: show, seatIds: ["A2"], holder: b, now: now + 2_000 })).toEqual({ ok: false, reason: "not_admitted" });
    expect(await backend.store.heldBy(show, b)).toEqual([]);
    expect((await claim(backend.store, { showId: show, seatIds: ["A2"], holder: b, now: now + 2_000, admitted: true })).ok).toBe(true);
  });
}

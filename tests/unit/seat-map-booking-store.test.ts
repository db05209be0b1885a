import { describe, expect, it } from "vitest";
import {
  applyHoldOutput,
  applySnapshot,
  effectiveStates,
  idsInState,
  initialStore,
  isMine,
  isTaken,
  revertOps,
  snapshotLosses,
  startOps,
  takenFromFailure,
} from "@/components/seat-map/booking-store";

const base = initialStore({ states: { a: "sold", b: "held", c: "mine" }, holdExpiresAt: 1000 });

describe("booking store", () => {
  it("starts from the snapshot without sharing its object", () => {
    const snapshot = { states: { a: "sold" as const }, holdExpiresAt: null };
    const store = initialStore(snapshot);
    expect(store.server).toEqual({ a: "sold" });
    expect(store.server).not.toBe(snapshot.states);
  });

  it("shows in-flight holds as mine and in-flight releases as available", () => {
    const s = startOps(startOps(base, ["d"], "hold", 1), ["c"], "release", 2);
    expect(effectiveStates(s)).toEqual({ a: "sold", b: "held", d: "mine" });
    expect(effectiveStates(base)).toBe(base.server);
  });

  it("takes the server's list of my seats after a hold", () => {
    const s = applyHoldOutput(startOps(base, ["d"], "hold", 1), { mine: ["d"], expiresAt: 5000 }, ["d"], 1);
    expect(s.server).toEqual({ a: "sold", b: "held", d: "mine" });
    expect(s.pending).toEqual({});
    expect(s.expiresAt).toBe(5000);
  });

  it("keeps a later tap on the same seat pending when an earlier answer arrives", () => {
    let s = startOps(base, ["d"], "hold", 1);
    s = startOps(s, ["d"], "release", 2);
    s = applyHoldOutput(s, { mine: ["c", "d"], expiresAt: 5000 }, ["d"], 1);
    expect(s.pending).toEqual({ d: { op: "release", token: 2 } });
    expect(effectiveStates(s).d).toBeUndefined();
  });

  it("reverts a failed hold and marks seats the server says are taken", () => {
    const s = revertOps(startOps(base, ["d", "e"], "hold", 3), ["d", "e"], 3, ["d", "a"]);
    expect(s.pending).toEqual({});
    expect(s.server).toEqual({ a: "sold", b: "held", c: "mine", d: "held" });
  });

  it("replaces the server view with a snapshot but keeps in-flight taps", () => {
    const s = applySnapshot(startOps(base, ["x"], "hold", 4), { states: { b: "sold" }, holdExpiresAt: null });
    expect(effectiveStates(s)).toEqual({ b: "sold", x: "mine" });
    expect(s.expiresAt).toBeNull();
  });

  it("lists ids by state", () => {
    expect(idsInState(base.server, isTaken).sort()).toEqual(["a", "b"]);
    expect(idsInState(base.server, isMine)).toEqual(["c"]);
  });

  it("reads taken seats from a failed action", () => {
    expect(takenFromFailure({ ok: false, code: "conflict", message: "x", details: { taken: ["a", 3, "b"] } })).toEqual(["a", "b"]);
    expect(takenFromFailure({ ok: false, code: "internal", message: "x" })).toEqual([]);
    expect(takenFromFailure({ ok: true, data: 1 })).toEqual([]);
  });

  it("finds lost holds and watched seats someone took", () => {
    const losses = snapshotLosses({ c: "mine", b: "held" }, { states: { d: "held", e: "sold" }, holdExpiresAt: null }, ["d", "e", "f", "b"]);
    expect(losses).toEqual({ lostMine: ["c"], takenWatched: ["d", "e"] });
  });
});

import { describe, expect, it } from "vitest";
import { diffLayout } from "@/lib/venue/diff-layout";
import type { DraftSeat, LayoutDraft, StoredSeat } from "@/lib/venue/layout-types";
import { validateLayout } from "@/lib/venue/validate-layout";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** Row A: seats 1–4 at x 0–3, y 0, ids 1–4. */
function storedRow(): StoredSeat[] {
  return [0, 1, 2, 3].map((x) => ({ id: id(x + 1), rowLabel: "A", number: x + 1, x, y: 0, kind: "standard", tier: "standard", active: true }));
}

const asDraft = (stored: StoredSeat[]): DraftSeat[] => stored.filter((s) => s.active).map(({ active: _a, ...s }) => ({ ...s }));
const layout = (seats: DraftSeat[], width = 6, height = 2): LayoutDraft => ({ gridWidth: width, gridHeight: height, tiers: ["standard", "premium"], seats });

describe("diffLayout", () => {
  it("an unchanged layout plans nothing", () => {
    const stored = storedRow();
    const diff = diffLayout(stored, layout(asDraft(stored)), new Map());
    expect(diff.ok && diff.plan).toMatchObject({ inserts: [], updates: [], retires: [], temporaryNumbers: [], summary: { added: 0, changed: 0, removed: 0 } });
  });

  it("inserts new seats, updates changed ones and retires removed ones", () => {
    const stored = storedRow();
    const draft = asDraft(stored).filter((s) => s.number !== 4);
    draft[0] = { ...draft[0], kind: "premium", tier: "premium" };
    draft.push({ rowLabel: "B", number: 1, x: 0, y: 1, kind: "standard", tier: "standard" });
    const diff = diffLayout(stored, layout(draft), new Map());
    if (!diff.ok) throw new Error(diff.issues[0].message);
    expect(diff.plan.inserts).toEqual([{ rowLabel: "B", number: 1, x: 0, y: 1, kind: "standard", tier: "standard" }]);
    expect(diff.plan.updates).toEqual([{ id: id(1), values: expect.objectContaining({ kind: "premium", tier: "premium" }), reactivate: false }]);
    expect(diff.plan.retires).toEqual([id(4)]);
    expect(diff.plan.summary).toEqual({ added: 1, changed: 1, removed: 1 });
  });

  it("a seat added where a retired seat of the same label exists brings that seat back", () => {
    const stored = storedRow();
    stored[3].active = false;
    const draft = [...asDraft(stored), { rowLabel: "A", number: 4, x: 5, y: 0, kind: "standard" as const, tier: "standard" }];
    const diff = diffLayout(stored, layout(draft), new Map());
    if (!diff.ok) throw new Error(diff.issues[0].message);
    expect(diff.plan.inserts).toEqual([]);
    expect(diff.plan.updates).toEqual([{ id: id(4), values: expect.objectContaining({ x: 5 }), reactivate: true }]);
  });

  it("renumbering gives the shifted seats temporary numbers first, so labels can swap", () => {
    const stored = storedRow();
    // Seat 1 removed; the rest renumbered 1–3 from the left, as the editor does.
    const draft = asDraft(stored)
      .filter((s) => s.number !== 1)
      .map((s) => ({ ...s, number: s.number - 1 }));
    const diff = diffLayout(stored, layout(draft), new Map());
    if (!diff.ok) throw new Error(diff.issues[0].message);
    expect(diff.plan.retires).toEqual([id(1)]);
    // The retired A1 is in the way of the new A1; the three renumbered seats need temporaries too.
    const temps = diff.plan.temporaryNumbers;
    expect(temps.map((t) => t.id).sort()).toEqual([id(1), id(2), id(3), id(4)].sort());
    expect(new Set(temps.map((t) => t.number)).size).toBe(4);
    expect(temps.every((t) => t.number < 0)).toBe(true);
  });

  it("refuses to remove a seat sold for a coming show, naming the seat and the show", () => {
    const stored = storedRow();
    const sold = new Map([[id(2), "Paper Kites (Saturday 7:45 PM)"]]);
    const diff = diffLayout(stored, layout(asDraft(stored).filter((s) => s.number !== 2)), sold);
    expect(diff.ok).toBe(false);
    if (diff.ok) return;
    expect(diff.issues[0].message).toBe("Row A, seat 2 has a ticket for Paper Kites (Saturday 7:45 PM); it cannot be removed.");
    expect(diff.issues[0].seats).toEqual(["A2"]);
  });

  it("refuses to move or renumber a sold seat but lets its kind and tier change", () => {
    const stored = storedRow();
    const sold = new Map([[id(2), "a show"]]);
    const moved = asDraft(stored).map((s) => (s.number === 2 ? { ...s, y: 1 } : s));
    expect(diffLayout(stored, layout(moved), sold).ok).toBe(false);
    const renumbered = asDraft(stored).map((s) => (s.number === 2 ? { ...s, number: 9 } : s));
    const verdict = diffLayout(stored, layout(renumbered), sold);
    expect(!verdict.ok && verdict.issues[0].message).toContain("cannot be moved or renumbered");
    const restyled = asDraft(stored).map((s) => (s.number === 2 ? { ...s, tier: "premium" } : s));
    expect(diffLayout(stored, layout(restyled), sold).ok).toBe(true);
  });

  it("a sold seat removed and put back in the editor (so without its id) is no change at all", () => {
    const stored = storedRow();
    const draft = asDraft(stored).map((s) => (s.number === 2 ? { ...s, id: undefined } : s));
    const diff = diffLayout(stored, layout(draft), new Map([[id(2), "a show"]]));
    expect(diff.ok && diff.plan.summary).toEqual({ added: 0, changed: 0, removed: 0 });
  });

  it("a seat added in the place of a retired seat with another label brings that seat back under the new label", () => {
    const stored = storedRow();
    stored[2] = { ...stored[2], active: false, number: -1 };
    const draft = [...asDraft(stored), { rowLabel: "A", number: 5, x: 2, y: 0, kind: "standard" as const, tier: "standard" }];
    const diff = diffLayout(stored, layout(draft), new Map());
    if (!diff.ok) throw new Error(diff.issues[0].message);
    expect(diff.plan.inserts).toEqual([]);
    expect(diff.plan.updates).toEqual([{ id: id(3), values: expect.objectContaining({ number: 5 }), reactivate: true }]);
    expect(diff.plan.temporaryNumbers.map((t) => t.id)).toEqual([id(3)]);
  });

  it("refuses ids that are not seats of this screen", () => {
    const stored = storedRow();
    const draft = [...asDraft(stored), { id: id(99), rowLabel: "B", number: 1, x: 0, y: 1, kind: "standard" as const, tier: "standard" }];
    expect(diffLayout(stored, layout(draft), new Map()).ok).toBe(false);
  });
});

describe("validateLayout", () => {
  const seat = (rowLabel: string, number: number, x: number, y: number, kind: DraftSeat["kind"] = "standard", tier = "standard"): DraftSeat => ({ rowLabel, number, x, y, kind, tier });

  it("accepts a plain layout", () => {
    expect(validateLayout(layout([seat("A", 1, 0, 0), seat("A", 2, 1, 0), seat("B", 1, 0, 1)]))).toEqual([]);
  });

  it("finds seats sharing a place or a label, off the grid, or in an unsold tier", () => {
    const messages = validateLayout(layout([seat("A", 1, 0, 0), seat("A", 1, 0, 0), seat("A", 3, 9, 0), seat("A", 4, 2, 0, "standard", "vip")])).map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "Two seats share one place (A1, A1).",
        "Seat A1 appears more than once.",
        "Some seats are outside the grid.",
        "Seats use tiers this screen does not sell (vip).",
      ]),
    );
  });

  it("wants one line per row label and one label per line", () => {
    const messages = validateLayout(layout([seat("A", 1, 0, 0), seat("A", 2, 1, 1), seat("B", 1, 2, 0)])).map((i) => i.message);
    expect(messages).toContain("Row A is split over several lines.");
    expect(messages).toContain("Rows A and B share one line.");
  });

  it("wants a companion seat right next to a wheelchair space", () => {
    expect(validateLayout(layout([seat("A", 1, 0, 0, "wheelchair"), seat("A", 2, 1, 0, "companion")]))).toEqual([]);
    const issues = validateLayout(layout([seat("A", 1, 0, 0, "wheelchair"), seat("A", 2, 2, 0, "companion")]));
    expect(issues).toEqual([{ message: "Each companion seat must sit right next to a wheelchair space.", seats: ["A2"] }]);
  });

  it("wants at least one seat", () => {
    expect(validateLayout(layout([]))[0].message).toBe("A screen needs at least one seat.");
  });
});

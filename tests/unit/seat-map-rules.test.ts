import { describe, expect, it } from "vitest";
import { layoutFromPlan } from "@/lib/seat-map/layout-plan";
import { checkToggle, validateSelection } from "@/lib/seat-map/rules";

// Ids are "show:<row><number>"; these helpers keep the tests readable.
const ids = (...labels: string[]) => labels.map((l) => `show:${l}`);

function verdict(plan: string[], selected: string[], taken: string[] = [], maxSeats = 10) {
  return validateSelection({ seats: layoutFromPlan(plan).seats, taken: ids(...taken), selected: ids(...selected), maxSeats });
}

describe("validateSelection: basics", () => {
  it("accepts a clean selection", () => {
    expect(verdict(["SSSSSS"], ["A1", "A2"])).toEqual({ ok: true });
  });

  it("needs at least one seat", () => {
    expect(verdict(["SSSS"], [])).toMatchObject({ ok: false, reason: "empty" });
  });

  it("refuses seats that are not on the screen", () => {
    expect(verdict(["SSSS"], ["A9"])).toMatchObject({ ok: false, reason: "unknown", seats: ids("A9") });
  });

  it("refuses seats someone else has", () => {
    const v = verdict(["SSSS"], ["A1", "A2"], ["A2"]);
    expect(v).toMatchObject({ ok: false, reason: "unavailable", seats: ids("A2") });
    if (!v.ok) expect(v.message).toContain("A2 is no longer available");
  });
});

describe("validateSelection: seat limit", () => {
  it("allows up to the limit and refuses one more", () => {
    expect(verdict(["SSSSSS"], ["A1", "A2", "A3"], [], 3).ok).toBe(true);
    const v = verdict(["SSSSSS"], ["A1", "A2", "A3", "A4"], [], 3);
    expect(v).toMatchObject({ ok: false, reason: "limit", message: "You can book up to 3 seats in one order." });
  });

  it("speaks in the singular for a limit of one", () => {
    expect(verdict(["SSS"], ["A1", "A2"], [], 1)).toMatchObject({ message: "You can book up to 1 seat in one order." });
  });
});

describe("validateSelection: companion seats", () => {
  const plan = ["WCSSSSCW"];

  it("refuses a companion seat without a wheelchair space and explains why", () => {
    const v = verdict(plan, ["A2"]);
    expect(v).toMatchObject({ ok: false, reason: "companion", seats: ids("A2") });
    if (!v.ok) expect(v.message).toMatch(/A2 is a companion seat.*wheelchair space/);
  });

  it("accepts a companion seat together with a wheelchair space", () => {
    expect(verdict(plan, ["A1", "A2"]).ok).toBe(true);
  });

  it("accepts a wheelchair space on its own", () => {
    expect(verdict(plan, ["A8"]).ok).toBe(true);
  });

  it("names several companion seats", () => {
    const v = verdict(plan, ["A2", "A7"]);
    if (!v.ok) expect(v.message).toContain("A2 and A7 are companion seats");
  });
});

describe("validateSelection: orphan seats", () => {
  it("refuses a single seat left against the block edge, with a structured explanation", () => {
    const v = verdict(["SSSSSS"], ["A2", "A3"]);
    expect(v).toEqual({
      ok: false,
      reason: "orphan",
      seats: ids("A1"),
      message: "That would leave seat A1 empty on its own. Choose seats next to it, or leave a gap of at least two seats.",
    });
  });

  it("refuses a single seat left against an aisle", () => {
    // Block A5-A10 starts after the aisle at x=4.
    expect(verdict(["SSSS.SSSSSS"], ["A6", "A7"])).toMatchObject({ ok: false, reason: "orphan", seats: ids("A5") });
  });

  it("refuses a single seat left between my seats and someone else's", () => {
    expect(verdict(["SSSSSSSS"], ["A4", "A5"], ["A2"])).toMatchObject({ ok: false, reason: "orphan", seats: ids("A3") });
  });

  it("refuses a single seat left between my own seats", () => {
    expect(verdict(["SSSSSSSS"], ["A3", "A5"])).toMatchObject({ ok: false, reason: "orphan", seats: ids("A4") });
  });

  it("names every stranded seat", () => {
    const v = verdict(["SSSSSSSS"], ["A2", "A4"]);
    expect(v).toMatchObject({ reason: "orphan", seats: ids("A1", "A3") });
    if (!v.ok) expect(v.message).toBe("That would leave seats A1 and A3 each empty on their own. Choose seats next to them, or leave gaps of at least two seats.");
  });

  it("accepts a gap of two", () => {
    expect(verdict(["SSSSSS"], ["A3", "A4"]).ok).toBe(true);
    expect(verdict(["SSSSSSSS"], ["A4", "A5"], ["A1"]).ok).toBe(true);
  });

  it("accepts filling a gap exactly", () => {
    expect(verdict(["SSSSSS"], ["A2", "A3", "A4"], ["A1", "A5"]).ok).toBe(true);
  });

  it("ignores a stranded seat the selection did not cause", () => {
    // A2 was already alone between A1 and A3 (both sold); my seats are elsewhere.
    expect(verdict(["SSSSSSSSS"], ["A6", "A7"], ["A1", "A3"]).ok).toBe(true);
  });

  it("allows an orphan the party cannot avoid in that block: four people in a block of five", () => {
    expect(verdict(["SSSSS"], ["A1", "A2", "A3", "A4"]).ok).toBe(true);
  });

  it("allows an orphan the party cannot avoid in that block: two people in a gap of three", () => {
    expect(verdict(["SSSSSSS"], ["A3", "A4"], ["A1", "A2", "A6", "A7"]).ok).toBe(true);
  });

  it("judges each block on its own: room elsewhere in the house does not forbid this block", () => {
    // The left block's gap of three cannot seat two without an orphan; the right block is empty.
    expect(verdict(["SSSSS.SSSSSS"], ["A2", "A3"], ["A1", "A5"]).ok).toBe(true);
  });

  it("still refuses when the same block has a clean alternative", () => {
    // A gap of three at A2-A4 and a gap of two at A6-A7: the pair fits A6-A7 cleanly.
    expect(verdict(["SSSSSSSS"], ["A2", "A3"], ["A1", "A5", "A8"])).toMatchObject({ reason: "orphan", seats: ids("A4") });
  });

  it("never reports a wheelchair space or companion seat as stranded", () => {
    // A2 (companion) is left between the wheelchair space A1 and my A3.
    expect(verdict(["WCSSSSSS"], ["A3", "A4"], ["A1"]).ok).toBe(true);
  });

  it("does not offer a regular party wheelchair spaces as the clean alternative", () => {
    // The only clean run of three uses W and C; regular customers may not book those.
    expect(verdict(["WCSSSS", "SSSSSS"], ["A4", "A5", "A6"]).ok).toBe(true);
    expect(verdict(["WCSSSS"], ["A3", "A4", "A5"])).toMatchObject({ reason: "orphan", seats: ids("A6") });
  });

  it("keeps the wheelchair space in the clean alternative for a wheelchair party", () => {
    // W C S S S: a wheelchair party of four can only take W-S3 (orphaning S5); C-S5 has no space.
    expect(verdict(["WCSSS"], ["A1", "A2", "A3", "A4"]).ok).toBe(true);
  });

  it("checks orphans in every block the selection touches", () => {
    expect(verdict(["SSSS.SSSS", "SSSSSSSS"], ["A1", "A2", "B2", "B3"])).toMatchObject({ reason: "orphan", seats: ids("B1") });
  });

  it("checks limit before companion before orphan", () => {
    expect(verdict(["WCSSSS"], ["A2", "A4"], [], 1)).toMatchObject({ reason: "limit" });
    expect(verdict(["WCSSSS"], ["A2", "A4"])).toMatchObject({ reason: "companion" });
  });
});

describe("checkToggle", () => {
  const seats = layoutFromPlan(["WCSSSSSS"]).seats;
  const toggle = (seatId: string, selected: string[], taken: string[] = [], maxSeats = 4) =>
    checkToggle({ seats, taken: ids(...taken), selected: ids(...selected), maxSeats, seatId: `show:${seatId}` });

  it("selects an available seat", () => {
    expect(toggle("A4", [])).toEqual({ ok: true, action: "select", next: ids("A4") });
  });

  it("lets a tap through with a warning when the selection strands a seat, and clears it when fixed", () => {
    const first = toggle("A7", []);
    expect(first).toMatchObject({ ok: true, action: "select", next: ids("A7"), warning: { reason: "orphan", seats: ids("A8") } });
    expect(toggle("A8", ids("A7").map((i) => i.slice(5)))).toEqual({ ok: true, action: "select", next: ids("A7", "A8") });
  });

  it("releases my seat and never refuses it", () => {
    expect(toggle("A4", ["A3", "A4"])).toMatchObject({ ok: true, action: "release", next: ids("A3") });
    expect(toggle("A1", ["A1", "A2"])).toMatchObject({ ok: true, action: "release", next: ids("A2"), warning: { reason: "companion" } });
  });

  it("refuses a taken seat", () => {
    expect(toggle("A4", [], ["A4"])).toMatchObject({ ok: false, reason: "unavailable", seats: ids("A4") });
  });

  it("refuses the seat past the limit", () => {
    expect(toggle("A7", ["A3", "A4"], [], 2)).toMatchObject({ ok: false, reason: "limit" });
  });

  it("refuses a companion seat until the wheelchair space is chosen, saying what to do", () => {
    const v = toggle("A2", []);
    expect(v).toMatchObject({ ok: false, reason: "companion", seats: ids("A2") });
    if (!v.ok) expect(v.message).toContain("Select the wheelchair space first");
    expect(toggle("A2", ["A1"])).toEqual({ ok: true, action: "select", next: ids("A1", "A2") });
  });

  it("refuses an unknown seat", () => {
    expect(toggle("Z9", [])).toMatchObject({ ok: false, reason: "unknown" });
  });

  it("returns no warning once the selection is empty again", () => {
    expect(toggle("A7", ["A7"])).toEqual({ ok: true, action: "release", next: [] });
  });
});

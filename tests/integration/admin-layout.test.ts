import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, screens, seats } from "@/db/schema";
import { allSeatsOfScreen } from "@/db/queries/venue";
import { createScreen } from "@/lib/venue/create-screen";
import type { AdminActor } from "@/lib/auth/session-user";
import { layoutVersion } from "@/lib/venue/layout-version";
import type { DraftSeat } from "@/lib/venue/layout-types";
import { saveLayout } from "@/lib/venue/save-layout";
import { bookingWorld } from "../support/booking-fixture";
import { refusal } from "../support/refusal";

let world: Awaited<ReturnType<typeof bookingWorld>>;
let admin: AdminActor;

beforeAll(async () => {
  world = await bookingWorld();
  admin = await world.admin("layout-admin@example.com");
});
afterAll(async () => {
  await world?.close();
});

/** The editor's save input for a screen as stored, after `change` to its active seats. */
async function edit(screenId: string, change: (seats: DraftSeat[]) => DraftSeat[], extra: Partial<{ tiers: string[]; gridWidth: number; gridHeight: number }> = {}) {
  const [screen] = await world.db.select().from(screens).where(eq(screens.id, screenId));
  const stored = await allSeatsOfScreen(world.db, screenId);
  const active = stored.filter((s) => s.active).map(({ id, rowLabel, number, x, y, kind, tier }) => ({ id, rowLabel, number, x, y, kind, tier }));
  return { screenId, version: layoutVersion(screen, stored), gridWidth: screen.gridWidth, gridHeight: screen.gridHeight, tiers: screen.tiers, seats: change(active), ...extra };
}

const seatRows = (screenId: string) => allSeatsOfScreen(world.db, screenId);

describe("seat layout editor saves", () => {
  it("creates a screen as a rectangle of standard seats, audited", async () => {
    const [theater] = await world.db.query.theaters.findMany({ limit: 1 });
    const { id } = await createScreen(admin, { theaterId: theater.id, name: "Studio", format: "standard", tiers: ["standard", "premium"], rows: 3, seatsPerRow: 4 });
    const rows = await seatRows(id);
    expect(rows).toHaveLength(12);
    expect(rows.map((s) => `${s.rowLabel}${s.number}`).slice(0, 5)).toEqual(["A1", "A2", "A3", "A4", "B1"]);
    const [audit] = await world.db.select().from(auditLog).where(and(eq(auditLog.action, "screen.create"), eq(auditLog.targetId, id)));
    expect(audit).toMatchObject({ actorId: admin.id, actorEmail: admin.email, targetType: "screen" });
    await expect(createScreen(admin, { theaterId: theater.id, name: "Studio", format: "standard", tiers: ["standard"], rows: 1, seatsPerRow: 1 })).rejects.toMatchObject({
      code: "bad_input",
      details: { fieldErrors: { name: ["This theater already has a screen with that name."] } },
    });
  });

  it("inserts, updates and retires in one save; a retired seat is kept (inactive) and comes back when re-added", async () => {
    const [theater] = await world.db.query.theaters.findMany({ limit: 1 });
    const { id } = await createScreen(admin, { theaterId: theater.id, name: "Edit room", format: "standard", tiers: ["standard", "premium"], rows: 2, seatsPerRow: 4 });
    // An aisle after seat 2 in row A (A3, A4 become A3 at x 3 only), B1 premium, a new row C.
    const input = await edit(
      id,
      (s) => [
        ...s
          .filter((x) => !(x.rowLabel === "A" && x.number === 3))
          .map((x) => (x.rowLabel === "A" && x.number === 4 ? { ...x, number: 3 } : x))
          .map((x) => (x.rowLabel === "B" && x.number === 1 ? { ...x, kind: "premium" as const, tier: "premium" } : x)),
        { rowLabel: "C", number: 1, x: 0, y: 2, kind: "wheelchair", tier: "standard" },
        { rowLabel: "C", number: 2, x: 1, y: 2, kind: "companion", tier: "standard" },
      ],
      { gridHeight: 3 },
    );
    const saved = await saveLayout(admin, input);
    expect(saved.summary).toEqual({ added: 2, changed: 2, removed: 1 });
    let rows = await seatRows(id);
    expect(rows).toHaveLength(10);
    const retired = rows.find((s) => !s.active)!;
    expect(retired).toMatchObject({ x: 2, y: 0 });
    expect(rows.filter((s) => s.active).map((s) => `${s.rowLabel}${s.number}`).sort()).toEqual(["A1", "A2", "A3", "B1", "B2", "B3", "B4", "C1", "C2"]);

    // Back to four seats in row A, renumbered 1–4: the retired seat returns rather than a twin being inserted.
    const again = await edit(id, (s) => [...s.map((x) => (x.rowLabel === "A" && x.number === 3 ? { ...x, number: 4 } : x)), { rowLabel: "A", number: 3, x: 2, y: 0, kind: "standard", tier: "standard" }]);
    await saveLayout(admin, again);
    rows = await seatRows(id);
    expect(rows).toHaveLength(10);
    expect(rows.find((s) => s.id === retired.id)).toMatchObject({ active: true, rowLabel: "A", number: 3, x: 2 });
  });

  it("refuses, changing nothing, to drop or move a seat with a ticket for a coming show", async () => {
    const { show, seat } = await world.aShow();
    const sold = seat("H", 1);
    await world.buy(show.id, [sold.id]);
    const before = await seatRows(show.screenId);

    const dropped = await refusal(saveLayout(admin, await edit(show.screenId, (s) => s.filter((x) => x.id !== sold.id))));
    expect(dropped.code).toBe("conflict");
    expect(dropped.message).toMatch(/^Nothing was saved: Row H, seat 1 has a ticket for .+; it cannot be removed\.$/);
    expect(dropped.details?.issues).toEqual([expect.objectContaining({ seats: ["H1"] })]);

    const moved = await refusal(saveLayout(admin, await edit(show.screenId, (s) => s.map((x) => (x.id === sold.id ? { ...x, x: x.x + 1 } : x)).filter((x) => !(x.rowLabel === "H" && x.number === 2)))));
    expect(moved.message).toContain("cannot be moved or renumbered");
    expect(await seatRows(show.screenId)).toEqual(before);

    // Restyling the sold seat, and changing unsold seats, is fine.
    await saveLayout(admin, await edit(show.screenId, (s) => s.map((x) => (x.id === sold.id ? { ...x, kind: "premium" as const } : x))));
    expect((await seatRows(show.screenId)).find((s) => s.id === sold.id)).toMatchObject({ kind: "premium", active: true, x: sold.x, y: sold.y });
  });

  it("refuses a save made on a layout someone else changed since the editor opened", async () => {
    const { show } = await world.aShow();
    const stale = await edit(show.screenId, (s) => s);
    await saveLayout(admin, await edit(show.screenId, (s) => s.map((x) => (x.rowLabel === "J" && x.number === 12 ? { ...x, kind: "premium" as const } : x))));
    const err = await refusal(saveLayout(admin, stale));
    expect(err.code).toBe("conflict");
    expect(err.message).toContain("Someone changed this layout");
  });

  it("refuses seats in a tier that scheduled shows have no price for", async () => {
    const { show } = await world.aShow();
    const input = await edit(show.screenId, (s) => s.map((x) => (x.rowLabel === "J" && x.number === 1 ? { ...x, tier: "vip" } : x)), { tiers: ["standard", "vip"] });
    const err = await refusal(saveLayout(admin, input));
    expect(err.message).toMatch(/no price for the vip tier/);
  });

  it("refuses structural mistakes with every problem listed", async () => {
    const { show } = await world.aShow();
    const input = await edit(show.screenId, (s) => s.map((x) => (x.rowLabel === "B" && x.number === 2 ? { ...x, kind: "companion" as const } : x)));
    const err = await refusal(saveLayout(admin, input));
    expect(err.code).toBe("bad_input");
    expect(err.details?.issues).toEqual([{ message: "Each companion seat must sit right next to a wheelchair space.", seats: ["B2"] }]);
  });

  it("a removed seat is retired, not deleted, and leaves the seat map", async () => {
    const { show } = await world.aShow();
    const target = (await seatRows(show.screenId)).find((s) => s.rowLabel === "J" && s.number === 6)!;
    await saveLayout(admin, await edit(show.screenId, (s) => s.filter((x) => x.id !== target.id)));
    const [row] = await world.db.select().from(seats).where(eq(seats.id, target.id));
    expect(row.active).toBe(false);
  });
});

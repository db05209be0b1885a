import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { asc, desc, eq, sql } from "drizzle-orm";
import { auditLog, movies, orders, sessions, theaterManagers, theaters, ticketTypes, users } from "@/db/schema";
import { admitBooking, doorShow } from "@/lib/tickets/check-in";
import { dashboardData } from "@/lib/admin/dashboard-data";
import { exportOrdersCsv } from "@/lib/admin/export-orders";
import { revokeStaffRole, setStaffRole } from "@/lib/auth/staff-roles";
import { revokeStaffRoleSchema, setStaffRoleSchema } from "@/lib/auth/staff-input";
import type { AdminActor } from "@/lib/auth/session-user";
import { scheduleShows } from "@/lib/catalog/schedule-shows";
import { priceCardSchema } from "@/lib/pricing-admin/price-card-input";
import { savePriceCardFromForm } from "@/lib/pricing-admin/save-price-card";
import { allSeatsOfScreen } from "@/db/queries/venue";
import { createScreen } from "@/lib/venue/create-screen";
import { createTheater, updateTheater } from "@/lib/venue/save-theater";
import { theaterFieldsSchema, updateTheaterSchema } from "@/lib/venue/theater-input";
import { addDays, localDate } from "@/lib/time";
import { bookingWorld } from "../support/booking-fixture";
import { theaterWithDefaultCard } from "../support/default-card-fixture";
import { refusal } from "../support/refusal";
import { tableDigests } from "../support/db-fingerprint";

// Issue 19's chain-admin side: theaters, staff roles, and the reports per theater. The domain
// functions run against the real database; the actions and the CSV route run through the one
// pipeline with a real session (next/headers stands in for the browser's cookie jar only).
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar),
}));

let world: Awaited<ReturnType<typeof bookingWorld>>;
let chain: AdminActor;
let theaterA: typeof theaters.$inferSelect;
let theaterB: typeof theaters.$inferSelect;
/** A site manager of A only, signed in through a real session (the cookie below). */
let managerA: { id: string; email: string; token: string };
let sold: { a: { orderId: string }[]; b: { orderId: string }[] };

const fingerprint = () => tableDigests(world.db, ["theaters", "user", "theater_managers", "audit_log", "ticket_types"]);

async function userWithSession(email: string, role: "customer" | "admin" | "manager") {
  const [user] = await world.db.insert(users).values({ email, role }).returning();
  const token = crypto.randomUUID();
  await world.db.insert(sessions).values({ sessionToken: token, userId: user.id, expires: new Date(Date.now() + 30 * 86_400_000) });
  return { id: user.id, email, token };
}

const theaterInput = (fields: Record<string, unknown>) => theaterFieldsSchema.parse({ name: "Westside", address: "1 Sunset Blvd, Los Angeles", timeZone: "America/Los_Angeles", currency: "usd", ...fields });
const lastAudit = async (action: string) => (await world.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(1))[0];

beforeAll(async () => {
  world = await bookingWorld();
  chain = await world.admin("chain@example.com");
  const pricing = await theaterWithDefaultCard(world.db);
  theaterA = pricing.theater;

  // Theater B, set up as a chain admin would: through the admin code, not hand-written rows.
  const created = await createTheater(chain, theaterInput({ name: "Westside Pictures", idNotice: "Photo ID for R-rated films." }));
  [theaterB] = await world.db.select().from(theaters).where(eq(theaters.id, created.id));
  const screen = await createScreen(chain, { theaterId: theaterB.id, name: "West 1", format: "standard", tiers: ["standard"], rows: 3, seatsPerRow: 6 });
  const adultB = (await world.db.select().from(ticketTypes).where(eq(ticketTypes.theaterId, theaterB.id))).find((t) => t.name === "Adult")!;
  await savePriceCardFromForm(chain, priceCardSchema.parse({ theaterId: theaterB.id, name: "Standard", isDefault: "on", prices: { standard: { [adultB.id]: "11.50" } } }));
  const [movie] = await world.db.select().from(movies).orderBy(asc(movies.title)).limit(1);
  const tomorrowLA = addDays(localDate(new Date(), theaterB.timeZone), 1);
  const showB = (await scheduleShows(chain, { movieId: movie.id, screenId: screen.id, date: tomorrowLA, time: "19:30", days: 1, priceCardId: null })).showIds[0];

  const { show: showA, seat } = await world.aShow(1);
  const seatIdsB = (await allSeatsOfScreen(world.db, screen.id)).map((r) => r.id);
  sold = {
    a: [await world.buy(showA.id, [seat("C", 1).id, seat("C", 2).id]), await world.buy(showA.id, [seat("E", 1).id, seat("E", 2).id])],
    b: [await world.buy(showB, [seatIdsB[0], seatIdsB[1], seatIdsB[2]])],
  };
  // One check-in at each theater.
  await admitBooking(world.db, (await doorShow(world.db, showA.id))!, sold.a[0].orderId, "all", chain);
  await admitBooking(world.db, (await doorShow(world.db, showB))!, sold.b[0].orderId, "all", chain);

  managerA = await userWithSession("manager-a@example.com", "manager");
  await world.db.insert(theaterManagers).values({ userId: managerA.id, theaterId: theaterA.id, grantedBy: chain.id });
});
afterAll(async () => {
  jar.clear();
  await world?.close();
});
beforeEach(() => jar.clear());

const asManagerA = (): AdminActor => ({ id: managerA.id, email: managerA.email, name: null, role: "manager", scope: { all: false, theaterIds: [theaterA.id] } });

describe("theaters", () => {
  it("adds a theater with the usual ticket types, a slug from its name, and an audit entry at that theater", async () => {
    expect(theaterB).toMatchObject({ slug: "westside-pictures", timeZone: "America/Los_Angeles", currency: "usd", idNotice: "Photo ID for R-rated films." });
    const types = await world.db.select().from(ticketTypes).where(eq(ticketTypes.theaterId, theaterB.id));
    expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(["Adult", "Child"]));
    const entry = await lastAudit("theater.create");
    expect(entry).toMatchObject({ actorEmail: chain.email, theaterId: theaterB.id, targetId: theaterB.id });
  });

  it("refuses a bad zone, a duplicate slug, an unknown currency and an unknown theater, changing nothing", async () => {
    const before = await fingerprint();
    expect(theaterFieldsSchema.safeParse({ ...theaterInput({}), timeZone: "Mars/Olympus" }).error?.issues[0].message).toMatch(/time zone like/);
    expect(theaterFieldsSchema.safeParse({ ...theaterInput({}), timeZone: "EST" }).success).toBe(false);
    expect(theaterFieldsSchema.safeParse({ ...theaterInput({}), currency: "xyz1" }).success).toBe(false);
    const dup = await refusal(createTheater(chain, theaterInput({ name: "Another", slug: theaterB.slug })));
    expect(dup.code).toBe("bad_input");
    expect(dup.details?.fieldErrors).toEqual({ slug: ["Another theater already uses this web address."] });
    const dupByName = await refusal(createTheater(chain, theaterInput({ name: "Westside Pictures" })));
    expect(dupByName.details?.fieldErrors).toHaveProperty("slug");
    const renamedOnto = await refusal(updateTheater(chain, updateTheaterSchema.parse({ ...theaterInput({ name: "B", slug: theaterA.slug }), id: theaterB.id })));
    expect(renamedOnto.code).toBe("bad_input");
    const missing = await refusal(updateTheater(chain, updateTheaterSchema.parse({ ...theaterInput({}), id: "no-such-theater" })));
    expect(missing.code).toBe("not_found");
    // B has a show: its currency is fixed.
    const currency = await refusal(updateTheater(chain, updateTheaterSchema.parse({ ...theaterInput({ name: theaterB.name, slug: theaterB.slug, currency: "eur" }), id: theaterB.id })));
    expect(currency.details?.fieldErrors).toEqual({ currency: ["The currency stays USD: shows have been scheduled and sold in it."] });
    // A site manager is refused even when calling the domain function directly.
    expect((await refusal(createTheater(asManagerA(), theaterInput({ name: "Sneaky" })))).code).toBe("forbidden");
    expect(await fingerprint()).toEqual(before);
  });

  it("edits a theater's name, address, zone and ID notice, audited with what changed", async () => {
    await updateTheater(chain, updateTheaterSchema.parse({ id: theaterB.id, name: theaterB.name, slug: theaterB.slug, address: "2 Sunset Blvd, Los Angeles", timeZone: "America/Los_Angeles", currency: "USD", idNotice: "ID please." }));
    const [after] = await world.db.select().from(theaters).where(eq(theaters.id, theaterB.id));
    expect(after).toMatchObject({ address: "2 Sunset Blvd, Los Angeles", idNotice: "ID please.", currency: "usd" });
    expect((await lastAudit("theater.update")).details).toMatchObject({ changed: ["address", "idNotice"] });
    expect((await lastAudit("theater.update")).theaterId).toBe(theaterB.id);
  });
});

describe("staff roles", () => {
  it("makes a signed-in customer site manager of chosen theaters, changes them, and takes the role away, each theater audited", async () => {
    const [person] = await world.db.insert(users).values({ email: "Usher@Example.com" }).returning();
    const granted = await setStaffRole(chain, setStaffRoleSchema.parse({ email: "usher@example.com", role: "manager", theaterIds: [theaterA.id, theaterB.id] }));
    expect(granted).toMatchObject({ userId: person.id, role: "manager", changed: true });
    const managed = async () => (await world.db.select().from(theaterManagers).where(eq(theaterManagers.userId, person.id))).map((r) => r.theaterId).sort();
    expect(await managed()).toEqual([theaterA.id, theaterB.id].sort());
    const grants = await world.db.select().from(auditLog).where(eq(auditLog.targetId, person.id));
    expect(grants.map((g) => [g.action, g.theaterId]).sort()).toEqual([["staff.grant", theaterA.id], ["staff.grant", theaterB.id]].sort());

    // Now only B: A is taken away (audited at A), B kept (no entry).
    await setStaffRole(chain, setStaffRoleSchema.parse({ email: "usher@example.com", role: "manager", theaterIds: [theaterB.id] }));
    expect(await managed()).toEqual([theaterB.id]);
    expect(await lastAudit("staff.revoke")).toMatchObject({ theaterId: theaterA.id, targetId: person.id });
    // The same again changes nothing and logs nothing.
    const count = (await world.db.select().from(auditLog)).length;
    expect(await setStaffRole(chain, setStaffRoleSchema.parse({ email: "usher@example.com", role: "manager", theaterIds: [theaterB.id] }))).toMatchObject({ changed: false });
    expect((await world.db.select().from(auditLog)).length).toBe(count);

    // Chain admin, then nothing.
    await setStaffRole(chain, setStaffRoleSchema.parse({ email: "usher@example.com", role: "admin", theaterIds: [] }));
    expect((await world.db.select().from(users).where(eq(users.id, person.id)))[0].role).toBe("admin");
    expect(await managed()).toEqual([]);
    expect(await lastAudit("staff.grant")).toMatchObject({ theaterId: null, details: expect.objectContaining({ role: "admin" }) });
    await revokeStaffRole(chain, revokeStaffRoleSchema.parse({ userId: person.id }));
    expect((await world.db.select().from(users).where(eq(users.id, person.id)))[0].role).toBe("customer");
  });

  it("refuses an unknown email, a manager with no theater, an unknown theater, your own role and a site manager, changing nothing", async () => {
    await world.db.insert(users).values({ email: "projectionist@example.com" });
    const before = await fingerprint();
    const unknown = await refusal(setStaffRole(chain, setStaffRoleSchema.parse({ email: "nobody@example.com", role: "admin" })));
    expect(unknown.code).toBe("bad_input");
    expect(unknown.details?.fieldErrors).toEqual({ email: [expect.stringMatching(/^No one has signed in as nobody@example.com yet/)] });
    expect(setStaffRoleSchema.safeParse({ email: "projectionist@example.com", role: "manager", theaterIds: [] }).error?.issues[0]).toMatchObject({ path: ["theaterIds"] });
    expect(setStaffRoleSchema.safeParse({ email: "not an email", role: "admin" }).success).toBe(false);
    expect(setStaffRoleSchema.safeParse({ email: "projectionist@example.com", role: "owner" }).success).toBe(false);
    const ghost = await refusal(setStaffRole(chain, setStaffRoleSchema.parse({ email: "projectionist@example.com", role: "manager", theaterIds: [theaterA.id, "no-such-theater"] })));
    expect(ghost.details?.fieldErrors).toHaveProperty("theaterIds");
    const self = await refusal(setStaffRole(chain, setStaffRoleSchema.parse({ email: chain.email, role: "manager", theaterIds: [theaterA.id] })));
    expect(self.message).toMatch(/your own role/);
    expect((await refusal(revokeStaffRole(chain, { userId: chain.id }))).message).toMatch(/your own role/);
    expect((await refusal(revokeStaffRole(chain, { userId: "no-such-user" }))).code).toBe("not_found");
    expect((await refusal(setStaffRole(asManagerA(), setStaffRoleSchema.parse({ email: "projectionist@example.com", role: "admin" })))).code).toBe("forbidden");
    expect(await fingerprint()).toEqual(before);
  });

  it("the new actions refuse a site manager (403, nothing changed) through the action pipeline with a real session", async () => {
    const { createTheaterAction, updateTheaterAction } = await import("@/app/admin/theaters/actions");
    const { setStaffRoleAction, revokeStaffRoleAction } = await import("@/app/admin/staff/actions");
    const before = await fingerprint();
    jar.set("authjs.session-token", managerA.token);
    const calls = [
      createTheaterAction({ name: "Manager's Own", address: "x", timeZone: "UTC", currency: "usd" }),
      updateTheaterAction({ id: theaterA.id, name: "Renamed by manager", address: "x", timeZone: "UTC", currency: "usd" }),
      setStaffRoleAction({ email: managerA.email, role: "admin" }),
      revokeStaffRoleAction({ userId: chain.id }),
    ];
    for (const result of await Promise.all(calls)) expect(result).toMatchObject({ ok: false, code: "forbidden" });
    // A chain admin's bad input is a 400 with field errors, before anything is written.
    const boss = await userWithSession("boss@example.com", "admin");
    jar.set("authjs.session-token", boss.token);
    const bad = await createTheaterAction({ name: "", address: "x", timeZone: "Nowhere/Land", currency: "usd" });
    expect(bad).toMatchObject({ ok: false, code: "bad_input", fieldErrors: { name: expect.any(Array), timeZone: expect.any(Array) } });
    jar.clear();
    await world.db.delete(sessions).where(eq(sessions.userId, boss.id));
    await world.db.delete(users).where(eq(users.id, boss.id));
    expect(await fingerprint()).toEqual(before);
  });
});

describe("reports per theater", () => {
  // Three days on: the shows sold above have played, the orders were paid within the last 7 days.
  const later = () => new Date(Date.now() + 3 * 86_400_000);

  it("the dashboard's per-theater figures add up to the chain total, and match the orders", async () => {
    const data = (await dashboardData(world.db, chain, { days: 7 }, later()))!;
    expect(data.theaters.map((t) => t.id).sort()).toEqual([theaterA.id, theaterB.id].sort());
    const { rows, total } = data.byTheater;
    const sum = (k: "orders" | "sold" | "capacity" | "admitted") => rows.reduce((s, r) => s + r[k], 0);
    expect(total).toMatchObject({ orders: sum("orders"), sold: sum("sold"), capacity: sum("capacity"), admitted: sum("admitted") });
    expect(total.revenue.usd).toBe(rows.reduce((s, r) => s + r.revenue, 0));

    const paidAt = async (ids: string[]) => (await world.db.select().from(orders)).filter((o) => ids.includes(o.id)).reduce((s, o) => s + o.totalAmount, 0);
    const a = rows.find((r) => r.theaterId === theaterA.id)!;
    const b = rows.find((r) => r.theaterId === theaterB.id)!;
    expect(b).toMatchObject({ orders: 1, revenue: await paidAt(sold.b.map((o) => o.orderId)), sold: 3, admitted: 3, capacity: 18 });
    expect(a.orders).toBeGreaterThanOrEqual(2);
    expect(a.revenue).toBeGreaterThanOrEqual(await paidAt(sold.a.map((o) => o.orderId)));
    expect(a.admitted).toBe(2);
    expect(b.revenue).toBeGreaterThan(0);

    // One theater alone: the same figures as its row.
    const onlyB = (await dashboardData(world.db, chain, { days: 7, theaterId: theaterB.id }, later()))!;
    expect(onlyB.byTheater.rows).toEqual([b]);
    expect(onlyB.paid.reduce((s, p) => s + p.amount, 0)).toBe(b.revenue);
  });

  it("a site manager sees only their theaters; another theater is not found", async () => {
    const data = (await dashboardData(world.db, asManagerA(), { days: 7 }, later()))!;
    expect(data.inScope.map((t) => t.id)).toEqual([theaterA.id]);
    expect(data.byTheater.rows.map((r) => r.theaterId)).toEqual([theaterA.id]);
    expect(data.paid.every((p) => p.theaterId === theaterA.id)).toBe(true);
    expect(data.shows.every((s) => s.theaterId === theaterA.id)).toBe(true);
    expect((await refusal(dashboardData(world.db, asManagerA(), { days: 7, theaterId: theaterB.id }))).code).toBe("not_found");
  });

  it("the CSV carries the theater, takes ?theater=, and a manager's export is limited to their theaters", async () => {
    const csv = async (actor: AdminActor, theater?: string) => {
      const text = await new Response((await exportOrdersCsv(actor, { theater })).stream).text();
      const [header, ...lines] = text.trim().split("\r\n");
      const col = header.split(",").indexOf("theater");
      return { col, lines, theaterOf: (orderId: string) => lines.find((l) => l.startsWith(orderId))?.split(",")[col] };
    };
    const all = await csv(chain);
    expect(all.col).toBeGreaterThan(0);
    expect(all.theaterOf(sold.b[0].orderId)).toBe("Westside Pictures");
    expect(all.theaterOf(sold.a[0].orderId)).toBe(theaterA.name);

    const onlyB = await csv(chain, theaterB.id);
    expect(onlyB.lines.length).toBe(1);
    expect(onlyB.theaterOf(sold.b[0].orderId)).toBe("Westside Pictures");
    const onlyA = await csv(chain, theaterA.id);
    // The theaters' exports together are the chain's.
    expect(onlyA.lines.length + onlyB.lines.length).toBe(all.lines.length);
    expect((await lastAudit("orders.export")).theaterId).toBe(theaterA.id);

    const mine = await csv(asManagerA());
    expect(mine.lines.length).toBe(onlyA.lines.length);
    expect(mine.theaterOf(sold.b[0].orderId)).toBeUndefined();
    expect((await refusal(exportOrdersCsv(asManagerA(), { theater: theaterB.id }))).code).toBe("not_found");
  });

  it("the CSV route answers 404 to a site manager asking for another theater, and audits nothing", async () => {
    const { GET } = await import("@/app/admin/orders.csv/route");
    const exports = async () => (await world.db.select().from(auditLog).where(eq(auditLog.action, "orders.export"))).length;
    const before = await exports();
    jar.set("authjs.session-token", managerA.token);
    const refused = (await GET(new Request(`http://localhost:3999/admin/orders.csv?theater=${theaterB.id}`), { params: Promise.resolve({}) })) as Response;
    expect(refused.status).toBe(404);
    expect(await exports()).toBe(before);
    const bad = (await GET(new Request("http://localhost:3999/admin/orders.csv?from=2026-13-45"), { params: Promise.resolve({}) })) as Response;
    expect(bad.status).toBe(400);
    const own = (await GET(new Request(`http://localhost:3999/admin/orders.csv?theater=${theaterA.id}`), { params: Promise.resolve({}) })) as Response;
    expect(own.status).toBe(200);
    expect(await own.text()).toContain(sold.a[0].orderId);
  });
});

describe("the audit log names the theater", () => {
  it("entries about a show, an order or a card record its theater even when the writer passed none", async () => {
    const rows = await world.db.select().from(auditLog).where(sql`${auditLog.targetType} in ('show', 'screen', 'order', 'price_card', 'ticket_type', 'promo_code', 'theater')`);
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r.theaterId, `${r.action} ${r.targetType}`).not.toBeNull();
    const schedule = rows.find((r) => r.action === "show.schedule");
    expect(schedule?.theaterId).toBe(theaterB.id);
  });
});

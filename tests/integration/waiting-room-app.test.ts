import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, asc, eq, gt } from "drizzle-orm";
import { createTestDatabase } from "../support/test-db";
import type { Database } from "@/db/client";
import { seats, shows, users } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { HOLDER_COOKIE } from "@/lib/booking/holder-cookie";
import { getSeatLocks, setSeatLocksForTests } from "@/lib/seat-locks";
import { setRateLimitsForTests } from "@/lib/rate-limit";
import { admissionCookieName, NOT_ADMITTED } from "@/lib/waiting-room/messages";
import { PEER_ADDRESS_HEADER } from "@/lib/rate-limit/peer-address";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The waiting room through the app's own action and routes: a visitor without an admission is
// refused at the seat map's poll and at the hold with a way back to the line; the line's route
// admits them (in order, at the rate set) with a cookie bound to the show and their holder id.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar, { [PEER_ADDRESS_HEADER]: "203.0.113.77" }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

let database: Database;
let lined: { id: string; seatIds: string[] };
let other: { id: string; seatIds: string[] };

async function aShow(offset: number) {
  const [show] = await database.db.select().from(shows).where(gt(shows.startsAt, new Date(Date.now() + 3 * 3600_000))).orderBy(asc(shows.startsAt)).offset(offset).limit(1);
  const ids = (await database.db.select({ id: seats.id }).from(seats).where(and(eq(seats.screenId, show.screenId), eq(seats.active, true)))).map((s) => s.id);
  return { show, seatIds: ids };
}

beforeAll(async () => {
  Object.assign(process.env, { DATA_DIR: mkdtempSync(path.join(tmpdir(), "marquee-line-")) });
  resetEnvForTests();
  setSeatLocksForTests(undefined);
  setRateLimitsForTests(undefined);
  database = await createTestDatabase({ seed: true });
  const a = await aShow(0);
  const b = await aShow(1);
  lined = { id: a.show.id, seatIds: a.seatIds };
  other = { id: b.show.id, seatIds: b.seatIds };
});
afterAll(async () => {
  await getSeatLocks().close();
  setSeatLocksForTests(undefined);
  setRateLimitsForTests(undefined);
  await database?.close();
});
beforeEach(() => jar.clear());

const { holdSeatsAction } = await import("@/app/(site)/shows/[showId]/actions");
const { setWaitingRoomAction } = await import("@/app/admin/shows/actions");
const line = await import("@/app/api/shows/[showId]/line/route");
const seatsRoute = await import("@/app/api/shows/[showId]/seats/route");

const asVisitor = (holder: string) => {
  jar.clear();
  jar.set(HOLDER_COOKIE, holder);
};
const holderOf = (i: number) => `visitor${String(i).padStart(3, "0")}_abcdefghijklmnopqrstu`;
const askLine = async (showId: string) => {
  const res = await line.POST(new Request(`http://localhost/api/shows/${showId}/line`, { method: "POST" }), { params: Promise.resolve({ showId }) });
  return { status: res.status, body: (await res.json()) as { admitted: boolean; place: number; ahead: number; waitSeconds: number; next: string } };
};

describe("a high-demand on-sale through the app", () => {
  it("without a line, anyone holds and the line admits at once", async () => {
    asVisitor(holderOf(900));
    expect(await askLine(other.id)).toMatchObject({ status: 200, body: { admitted: true, place: 0, next: `/shows/${other.id}` } });
    expect(await holdSeatsAction({ showId: other.id, seatIds: [other.seatIds[0]] })).toMatchObject({ ok: true });
  });

  it("with a line on, refuses the seat map and holds without an admission, then admits in order of arrival", async () => {
    const [admin] = await database.db.insert(users).values({ email: `admin-${Date.now()}@example.com`, role: "admin" }).returning();
    // The admin action needs the admin's session: set the show's line directly through its lib function.
    const { setWaitingRoomOf } = await import("@/lib/catalog/set-waiting-room");
    const opensAt = new Date(Date.now() - 60_000);
    // The seeded theater's zone decides the wall clock; compute the time there instead of guessing.
    const { showWithTheaterZone } = await import("@/db/queries/shows");
    const zone = (await showWithTheaterZone(database.db, lined.id))!.timeZone;
    const { localDate, localTime24 } = await import("@/lib/time");
    await setWaitingRoomOf({ id: admin.id, email: admin.email!, name: null, role: "admin", scope: { all: true } }, { mode: "on", showId: lined.id, date: localDate(opensAt, zone), time: localTime24(opensAt, zone), perMinute: 1, scope: "show" });

    asVisitor(holderOf(1));
    const refused = await holdSeatsAction({ showId: lined.id, seatIds: [lined.seatIds[0]] });
    expect(refused).toMatchObject({ ok: false, code: "forbidden", message: NOT_ADMITTED, details: { waitingRoom: `/shows/${lined.id}/line` } });
    const poll = await seatsRoute.GET(new Request(`http://localhost/api/shows/${lined.id}/seats`), { params: Promise.resolve({ showId: lined.id }) });
    expect(poll.status).toBe(403);

    // Three visitors take their places; the first is let in (the line starts with one admission).
    const answers = [];
    for (const i of [1, 2, 3]) {
      asVisitor(holderOf(i));
      answers.push((await askLine(lined.id)).body);
    }
    expect(answers.map((a) => [a.place, a.admitted])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(answers[2]).toMatchObject({ ahead: 1 });
    expect(answers[2].waitSeconds).toBeGreaterThan(60);

    // Visitor 1 now holds the cookie: holds pass, the poll answers.
    asVisitor(holderOf(1));
    await askLine(lined.id);
    expect(jar.get(admissionCookieName(lined.id))).toBeTruthy();
    expect(await holdSeatsAction({ showId: lined.id, seatIds: [lined.seatIds[0]] })).toMatchObject({ ok: true });
    // Asking again (another tab) keeps the place.
    expect((await askLine(lined.id)).body).toMatchObject({ place: 1, admitted: true });

    // Visitor 3 copies visitor 1's admission: bound to visitor 1's holder id, refused.
    const borrowed = jar.get(admissionCookieName(lined.id))!;
    asVisitor(holderOf(3));
    jar.set(admissionCookieName(lined.id), borrowed);
    expect(await holdSeatsAction({ showId: lined.id, seatIds: [lined.seatIds[1]] })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("refuses an admission to one show reused for another, and a forged one", async () => {
    asVisitor(holderOf(1));
    await askLine(lined.id);
    const token = jar.get(admissionCookieName(lined.id))!;
    expect(token).toBeTruthy();
    // The other show gets a line too; the first show's token is moved to its cookie name.
    const [admin] = await database.db.insert(users).values({ email: `admin2-${Date.now()}@example.com`, role: "admin" }).returning();
    const { setWaitingRoomOf } = await import("@/lib/catalog/set-waiting-room");
    const { showWithTheaterZone } = await import("@/db/queries/shows");
    const { localDate, localTime24 } = await import("@/lib/time");
    const zone = (await showWithTheaterZone(database.db, other.id))!.timeZone;
    const opensAt = new Date(Date.now() - 60_000);
    await setWaitingRoomOf({ id: admin.id, email: admin.email!, name: null, role: "admin", scope: { all: true } }, { mode: "on", showId: other.id, date: localDate(opensAt, zone), time: localTime24(opensAt, zone), perMinute: 1, scope: "show" });
    jar.set(admissionCookieName(other.id), token);
    expect(await holdSeatsAction({ showId: other.id, seatIds: [other.seatIds[5]] })).toMatchObject({ ok: false, code: "forbidden" });
    const [body] = token.split(".");
    jar.set(admissionCookieName(lined.id), `${body}.${"A".repeat(43)}`);
    expect(await holdSeatsAction({ showId: lined.id, seatIds: [lined.seatIds[6]] })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("lets only an admin set a line", async () => {
    asVisitor(holderOf(50));
    expect(await setWaitingRoomAction({ mode: "off", showId: lined.id })).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

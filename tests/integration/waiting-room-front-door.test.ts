import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, gt } from "drizzle-orm";
import { createTestDatabase } from "../support/test-db";
import type { Database } from "@/db/client";
import { seats, shows, users } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { HOLDER_COOKIE } from "@/lib/booking/holder-cookie";
import { getSeatLocks, setSeatLocksForTests } from "@/lib/seat-locks";
import { setRateLimitsForTests } from "@/lib/rate-limit";
import { PEER_ADDRESS_HEADER } from "@/lib/rate-limit/peer-address";
import { admissionCookieName } from "@/lib/waiting-room/messages";

// The waiting line's front door (lib/booking/line-front-door.ts) on a real HTTP server: a guest's
// join and polls are answered before the server's own listener (Next's, here a stand-in answering
// 599), in order of arrival, with an admission cookie the app's hold accepts; everything the route
// must decide goes on to the listener behind, untouched.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar, { [PEER_ADDRESS_HEADER]: "203.0.113.78" }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

const BEHIND = 599;
let database: Database;
let server: Server;
let origin: string;
let behindCalls = 0;
let lined: { id: string; seatIds: string[] };
let open: { id: string };

async function aShow(offset: number) {
  const [show] = await database.db.select().from(shows).where(gt(shows.startsAt, new Date(Date.now() + 3 * 3600_000))).orderBy(asc(shows.startsAt)).offset(offset).limit(1);
  const ids = (await database.db.select({ id: seats.id }).from(seats).where(and(eq(seats.screenId, show.screenId), eq(seats.active, true)))).map((s) => s.id);
  return { id: show.id, seatIds: ids };
}

beforeAll(async () => {
  Object.assign(process.env, { DATA_DIR: mkdtempSync(path.join(tmpdir(), "marquee-front-door-")) });
  resetEnvForTests();
  setSeatLocksForTests(undefined);
  setRateLimitsForTests(undefined);
  database = await createTestDatabase({ seed: true });
  // Shows no other test file lines up: further down the week.
  lined = await aShow(20);
  open = await aShow(21);
  const [admin] = await database.db.insert(users).values({ email: `front-door-${Date.now()}@example.com`, role: "admin" }).returning();
  const { setWaitingRoomOf } = await import("@/lib/catalog/set-waiting-room");
  const { showWithTheaterZone } = await import("@/db/queries/shows");
  const { localDate, localTime24 } = await import("@/lib/time");
  const zone = (await showWithTheaterZone(database.db, lined.id))!.timeZone;
  const opensAt = new Date(Date.now() - 60_000);
  await setWaitingRoomOf({ id: admin.id, email: admin.email!, name: null, role: "admin", scope: { all: true } }, { mode: "on", showId: lined.id, date: localDate(opensAt, zone), time: localTime24(opensAt, zone), perMinute: 1, scope: "show" });

  const { frontServer } = await import("@/lib/booking/line-front-door");
  server = createServer((req, res) => {
    behindCalls++;
    req.resume();
    res.writeHead(BEHIND).end("behind");
  });
  frontServer(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await getSeatLocks().close();
  setSeatLocksForTests(undefined);
  setRateLimitsForTests(undefined);
  await database?.close();
});
beforeEach(() => {
  jar.clear();
  behindCalls = 0;
});

const { holdSeatsAction } = await import("@/app/(site)/shows/[showId]/actions");

type Answer = { admitted: boolean; place: number; ahead: number; waitSeconds: number; perMinute: number; next: string; retryAfterMs: number };
const holderOf = (i: number) => `frontdoor${String(i).padStart(3, "0")}_abcdefghijklmnopq`;

async function ask(showId: string, cookie: string | null, init: { method?: string; path?: string } = {}) {
  const res = await fetch(`${origin}${init.path ?? `/api/shows/${showId}/line`}`, { method: init.method ?? "POST", headers: cookie ? { cookie } : {} });
  const text = await res.text();
  return { status: res.status, body: res.status === 200 ? (JSON.parse(text) as Answer) : null, setCookie: res.headers.getSetCookie(), headers: res.headers };
}

describe("the waiting line's front door", () => {
  it("answers guests in order of arrival, keeps each place, and admits with a cookie the hold accepts", async () => {
    const answers = [];
    for (const i of [1, 2, 3]) answers.push(await ask(lined.id, `${HOLDER_COOKIE}=${holderOf(i)}`));
    expect(behindCalls).toBe(0);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => [a.body!.place, a.body!.admitted])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    expect(answers[2].body).toMatchObject({ ahead: 1, perMinute: 1, next: `/shows/${lined.id}` });
    // The third is about two minutes away: asked again within 30 s, not every few seconds.
    expect(answers[2].body!.waitSeconds).toBeGreaterThan(60);
    expect(answers[2].body!.retryAfterMs).toBe(30_000);
    expect(answers[0].headers.get("cache-control")).toBe("no-store");
    expect(answers[0].headers.get("x-content-type-options")).toBe("nosniff");

    // Only the admitted visitor gets the show's admission cookie.
    const admission = answers[0].setCookie.find((c) => c.startsWith(`${admissionCookieName(lined.id)}=`));
    expect(admission).toMatch(/; Path=\/; Max-Age=2700; HttpOnly; SameSite=Lax/);
    expect(answers[1].setCookie).toEqual([]);

    // Another tab keeps the place.
    expect((await ask(lined.id, `${HOLDER_COOKIE}=${holderOf(2)}`)).body).toMatchObject({ place: 2, admitted: false });

    // The app's hold takes the cookie the front door set, for that holder only.
    const token = admission!.split(";")[0].split("=")[1];
    jar.set(HOLDER_COOKIE, holderOf(1));
    jar.set(admissionCookieName(lined.id), token);
    expect(await holdSeatsAction({ showId: lined.id, seatIds: [lined.seatIds[0]] })).toMatchObject({ ok: true });
    jar.set(HOLDER_COOKIE, holderOf(2));
    expect(await holdSeatsAction({ showId: lined.id, seatIds: [lined.seatIds[1]] })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("gives the route's answer: it takes the same place for the same visitor", async () => {
    const front = await ask(lined.id, `${HOLDER_COOKIE}=${holderOf(4)}`);
    jar.set(HOLDER_COOKIE, holderOf(4));
    const route = await import("@/app/api/shows/[showId]/line/route");
    const res = await route.POST(new Request(`http://localhost/api/shows/${lined.id}/line`, { method: "POST" }), { params: Promise.resolve({ showId: lined.id }) });
    const behind = (await res.json()) as Answer;
    expect(Object.keys(behind).sort()).toEqual(Object.keys(front.body!).sort());
    expect(behind).toMatchObject({ place: front.body!.place, admitted: false, ahead: front.body!.ahead, perMinute: 1 });
  });

  it("answers a show with no line at once, without an admission cookie", async () => {
    const answer = await ask(open.id, `${HOLDER_COOKIE}=${holderOf(5)}`);
    expect(behindCalls).toBe(0);
    expect(answer).toMatchObject({ status: 200, body: { admitted: true, place: 0, next: `/shows/${open.id}` }, setCookie: [] });
  });

  it("leaves to the route what the route must decide, untouched", async () => {
    const unknownShow = "00000000-0000-4000-8000-000000000000";
    const cases = [
      await ask(lined.id, null), // no holder cookie: the route mints one
      await ask(lined.id, `${HOLDER_COOKIE}=short`), // not a holder id
      await ask(lined.id, `${HOLDER_COOKIE}=${holderOf(6)}; authjs.session-token=abc`), // signed in: a place per account
      await ask(unknownShow, `${HOLDER_COOKIE}=${holderOf(7)}`), // no such show: the route's 404
      await ask(lined.id, `${HOLDER_COOKIE}=${holderOf(8)}`, { method: "GET" }),
      await ask(lined.id, `${HOLDER_COOKIE}=${holderOf(9)}`, { path: `/api/shows/${lined.id}/line/extra` }),
      await ask(lined.id, `${HOLDER_COOKIE}=${holderOf(10)}`, { path: `/api/shows/${lined.id}/seats` }),
    ];
    expect(cases.map((c) => c.status)).toEqual(cases.map(() => BEHIND));
    expect(behindCalls).toBe(cases.length);
  });
});

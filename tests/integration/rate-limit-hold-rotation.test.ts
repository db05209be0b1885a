import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessions } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { setRateLimitsForTests } from "@/lib/rate-limit";
import { PEER_ADDRESS_HEADER } from "@/lib/rate-limit/peer-address";
import { getSeatLocks, setSeatLocksForTests } from "@/lib/seat-locks";
import { bookingWorld } from "../support/booking-fixture";

// Issue 17: a script rotating its holder cookie and its X-Forwarded-For header on every hold,
// against the real hold action, limiter and lock store (Redis when REDIS_URL is set). Only
// next/headers is replaced: the test plays the browser — the socket's peer address (as the
// server records it), the headers it sends and its cookie jar.
let peer = "203.0.113.40";
let forwardedFor = "";
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () =>
    (await import("../support/browser-headers")).browserHeaders(jar, { host: "localhost:3999", [PEER_ADDRESS_HEADER]: peer, "x-forwarded-for": forwardedFor }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

let world: Awaited<ReturnType<typeof bookingWorld>>;
let holdSeatsAction: (typeof import("@/app/(site)/shows/[showId]/actions"))["holdSeatsAction"];

beforeAll(async () => {
  world = await bookingWorld();
  setRateLimitsForTests(undefined);
  ({ holdSeatsAction } = await import("@/app/(site)/shows/[showId]/actions"));
});
afterAll(async () => {
  await getSeatLocks().close();
  setSeatLocksForTests(undefined);
  setRateLimitsForTests(undefined);
  vi.unstubAllEnvs();
  resetEnvForTests();
  await world?.close();
});

const randomAddress = () => `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

/**
 * Holds two seats at a time through the whole house, calling `rotate` before each request (a new
 * cookie jar, new headers…), until refused. Returns the seats granted and the refusal.
 */
async function holdTheHouse(showOffset: number, rotate: (i: number) => void) {
  const { show, seats } = await world.aShow(showOffset);
  let granted = 0;
  for (let i = 0; i + 2 <= seats.length; i += 2) {
    rotate(i);
    const result = await holdSeatsAction({ showId: show.id, seatIds: [seats[i].id, seats[i + 1].id] });
    if (!result.ok) {
      const held = await getSeatLocks().holders(show.id, seats.map((s) => s.id));
      return { granted, held: held.size, house: seats.length, refusal: result };
    }
    granted += 2;
  }
  throw new Error("the whole house was held");
}

describe("hold limits no cookie or header rotation gets around", () => {
  it("one address with a new holder cookie and a new X-Forwarded-For (loopback first) per request is stopped", async () => {
    peer = "203.0.113.40";
    const attempt = await holdTheHouse(0, (i) => {
      jar.clear();
      // 127.0.0.1 first: were the header believed, the demo's loopback exemption would lift every limit.
      forwardedFor = i === 0 ? "127.0.0.1" : randomAddress();
    });
    expect(attempt.refusal).toMatchObject({ ok: false, code: "rate_limited" });
    expect(attempt.granted).toBe(40);
    expect(attempt.held).toBe(40);
    expect(attempt.held).toBeLessThan(attempt.house / 2);
  });

  it("behind one declared proxy, forged entries before the proxy's own are ignored and the client is stopped", async () => {
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    resetEnvForTests();
    try {
      peer = "10.0.0.1";
      const attempt = await holdTheHouse(1, () => {
        jar.clear();
        forwardedFor = `${randomAddress()}, 203.0.113.41`;
      });
      expect(attempt.refusal).toMatchObject({ ok: false, code: "rate_limited" });
      expect(attempt.granted).toBe(40);
    } finally {
      vi.unstubAllEnvs();
      resetEnvForTests();
    }
  });

  it("a signed-in account is stopped whatever addresses, headers and holder cookies it rotates through", async () => {
    const buyer = await world.customer("rotator");
    const token = crypto.randomUUID();
    await world.db.insert(sessions).values({ sessionToken: token, userId: buyer.userId, expires: new Date(Date.now() + 3_600_000) });
    let n = 0;
    const attempt = await holdTheHouse(2, () => {
      jar.clear();
      jar.set("authjs.session-token", token);
      // A real new address each time, as from a pool of proxies: only the account ties them.
      peer = `192.0.2.${++n}`;
      forwardedFor = randomAddress();
    });
    expect(attempt.refusal).toMatchObject({ ok: false, code: "rate_limited" });
    expect(attempt.granted).toBe(40);
    expect(attempt.held).toBe(40);
  });
});

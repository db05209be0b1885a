import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/rate-limit/peer-address";
import { and, asc, eq, gt } from "drizzle-orm";
import { createTestDatabase } from "../support/test-db";
import type { Database } from "@/db/client";
import { seats, shows } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { metrics, resetMetricsForTests } from "@/lib/metrics";
import { rateLimitBackend, setRateLimitsForTests } from "@/lib/rate-limit";
import { getSeatLocks, setSeatLocksForTests } from "@/lib/seat-locks";

// A script driving the real hold action (the one the seat map calls), through the real limiter
// on the store the environment selects (Redis when REDIS_URL is set). Only next/headers is
// replaced: the test plays the browser, its address and its cookie jar.
const jar = new Map<string, string>();
let address = "203.0.113.10";
vi.mock("next/headers", () => ({
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar, { [PEER_ADDRESS_HEADER]: address }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

let database: Database;
let showId: string;
let seatIds: string[];

beforeAll(async () => {
  resetEnvForTests();
  setSeatLocksForTests(undefined);
  setRateLimitsForTests(undefined);
  resetMetricsForTests();
  database = await createTestDatabase({ seed: true });
  const [show] = await database.db.select().from(shows).where(gt(shows.startsAt, new Date(Date.now() + 3 * 3600_000))).orderBy(asc(shows.startsAt)).limit(1);
  showId = show.id;
  seatIds = (await database.db.select({ id: seats.id }).from(seats).where(and(eq(seats.screenId, show.screenId), eq(seats.active, true)))).map((s) => s.id);
});
afterAll(async () => {
  await getSeatLocks().close();
  setSeatLocksForTests(undefined);
  setRateLimitsForTests(undefined);
  await database?.close();
});
beforeEach(() => jar.clear());

const { holdSeatsAction } = await import("@/app/(site)/shows/[showId]/actions");

describe(`scripted holds are throttled (${process.env.REDIS_URL ? "redis" : "memory"} limiter)`, () => {
  it("one client: 30 holds a minute, then a rate_limited answer that says when to retry", async () => {
    address = "203.0.113.10";
    expect(rateLimitBackend()).toBe(process.env.REDIS_URL ? "redis" : "memory");
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await holdSeatsAction({ showId, seatIds: [seatIds[0]] }));
    expect(results.slice(0, 30).every((r) => r.ok)).toBe(true);
    const refused = results[30];
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    if (refused.ok) throw new Error("expected a refusal");
    expect(refused.message).toMatch(/^Too many seat requests in a short time\. Please try again in \d+ seconds?\.$/);
    expect(refused.details?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("a script minting a new holder cookie per request cannot hold the house from one address", async () => {
    address = "203.0.113.20";
    const pool = seatIds.slice(1);
    let granted = 0;
    let refusal: Awaited<ReturnType<typeof holdSeatsAction>> | undefined;
    for (let i = 0; i + 2 <= pool.length; i += 2) {
      jar.clear();
      const result = await holdSeatsAction({ showId, seatIds: pool.slice(i, i + 2) });
      if (!result.ok) {
        refusal = result;
        break;
      }
      granted += 2;
    }
    expect(refusal).toMatchObject({ ok: false, code: "rate_limited" });
    expect(granted).toBe(40);
    const held = await getSeatLocks().holders(showId, pool);
    expect(held.size).toBe(40);
    expect(held.size).toBeLessThan(pool.length / 2);

    // Someone else, elsewhere, still books normally.
    address = "198.51.100.30";
    jar.clear();
    expect(await holdSeatsAction({ showId, seatIds: [pool[pool.length - 1]] })).toMatchObject({ ok: true });
  });

  it("counts holds taken and refusals by reason", async () => {
    const refused = await metrics().holdsRefused.get();
    expect(refused.values.find((v) => v.labels.reason === "rate_limited")?.value).toBe(2);
    expect((await metrics().holdsTaken.get()).values[0].value).toBe(30 + 20 + 1);
    const latency = await metrics().requestDuration.get();
    const count = (status: string) =>
      latency.values.find((v) => v.metricName === "http_request_duration_seconds_count" && v.labels.route === "action:hold" && v.labels.status === status)?.value;
    expect(count("200")).toBe(51);
    expect(count("429")).toBe(2);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { getSeatLocks, seatLockKey, setSeatLocksForTests } from "@/lib/seat-locks";
import { createMemorySeatLocks } from "@/lib/seat-locks/memory";

const VARS = ["REDIS_URL", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"] as const;

describe("seat lock store selection", () => {
  afterEach(async () => {
    await getSeatLocks().close();
    setSeatLocksForTests(undefined);
    vi.unstubAllEnvs();
    resetEnvForTests();
  });

  // Builds the store from these settings alone; building one never connects.
  function storeWith(settings: Partial<Record<(typeof VARS)[number], string>>) {
    for (const name of VARS) vi.stubEnv(name, settings[name] ?? "");
    resetEnvForTests();
    setSeatLocksForTests(undefined);
    return getSeatLocks();
  }

  it("keys a lock by show and seat", () => {
    expect(seatLockKey("show-1", "seat-9")).toBe("seat_lock:show-1:seat-9");
  });

  it("uses memory when no Redis is configured", () => {
    expect(storeWith({}).kind).toBe("memory");
  });

  it("uses Redis over TCP when REDIS_URL is set", () => {
    expect(storeWith({ REDIS_URL: "redis://127.0.0.1:1" }).kind).toBe("redis");
  });

  it("prefers Upstash when its URL and token are set", () => {
    const store = storeWith({
      REDIS_URL: "redis://127.0.0.1:1",
      UPSTASH_REDIS_REST_URL: "http://127.0.0.1:1",
      UPSTASH_REDIS_REST_TOKEN: "token",
    });
    expect(store.kind).toBe("upstash");
  });

  it("builds the store once and lets tests replace it", () => {
    const first = storeWith({});
    expect(getSeatLocks()).toBe(first);
    const replacement = createMemorySeatLocks(new Map());
    setSeatLocksForTests(replacement);
    expect(getSeatLocks()).toBe(replacement);
  });

  it("shares the default memory locks across module copies", async () => {
    const show = `show-${Math.random()}`;
    await storeWith({}).hold(show, ["A1"], "holder-1", 60_000);
    // A second copy of the module, as Next.js may load, sees the same hold.
    vi.resetModules();
    const copy = await import("@/lib/seat-locks/memory");
    expect(await copy.createMemorySeatLocks().holders(show, ["A1"])).toEqual(new Map([["A1", "holder-1"]]));
  });
});

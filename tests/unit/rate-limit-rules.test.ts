import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { clientIp, clientKey, exemptFromLimits } from "@/lib/rate-limit/client";
import { PEER_ADDRESS_HEADER } from "@/lib/rate-limit/peer-address";
import { RateLimitedError, retryIn } from "@/lib/rate-limit/enforce";
import { createMemoryRateLimits } from "@/lib/rate-limit/memory";

const window = { limit: 3, windowMs: 60_000 };

describe("memory rate limits (fixed window, fake clock)", () => {
  it("allows the limit, refuses the next with the time left, and opens a new window on time", async () => {
    let now = 1_000_000;
    const store = createMemoryRateLimits(() => now);
    for (let i = 0; i < 3; i++) expect(await store.limit("k", window)).toMatchObject({ ok: true, remaining: 2 - i, retryAfterSeconds: 0 });
    now += 20_500;
    expect(await store.limit("k", window)).toEqual({ ok: false, limit: 3, remaining: 0, retryAfterSeconds: 40 });
    now += 39_500;
    expect(await store.limit("k", window)).toMatchObject({ ok: true, remaining: 2 });
  });

  it("a refused call counts nothing, and keys are independent", async () => {
    let now = 0;
    const store = createMemoryRateLimits(() => now);
    await store.limit("a", { ...window, cost: 3 });
    expect((await store.limit("a", window)).ok).toBe(false);
    expect((await store.limit("b", window)).ok).toBe(true);
    now += 60_000;
    expect(await store.limit("a", { ...window, cost: 2 })).toMatchObject({ ok: true, remaining: 1 });
  });

  it("weighs a call by its cost and refuses one that does not fit", async () => {
    const store = createMemoryRateLimits(() => 0);
    expect(await store.limit("seats", { limit: 10, windowMs: 1000, cost: 7 })).toMatchObject({ ok: true, remaining: 3 });
    expect(await store.limit("seats", { limit: 10, windowMs: 1000, cost: 4 })).toMatchObject({ ok: false, remaining: 3, retryAfterSeconds: 1 });
    expect(await store.limit("seats", { limit: 10, windowMs: 1000, cost: 3 })).toMatchObject({ ok: true, remaining: 0 });
  });

  it("rejects nonsense options instead of silently allowing everything", async () => {
    const store = createMemoryRateLimits();
    await expect(store.limit("k", { limit: 0, windowMs: 1000 })).rejects.toThrow(/positive/);
    await expect(store.limit("k", { limit: 1, windowMs: 1.5 })).rejects.toThrow(/window/);
  });
});

describe("who the client is", () => {
  afterEach(() => {
    delete process.env.ALLOW_LOCAL_PAYMENTS;
    resetEnvForTests();
  });

  it("knows a client by the socket's peer; X-Forwarded-For counts only as far as the declared proxy hops", () => {
    const peer = (address: string, forwardedFor?: string) =>
      new Headers({ [PEER_ADDRESS_HEADER]: address, ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }) });
    // No proxy declared (the default): whatever the client claims, the socket decides.
    expect(clientIp(peer("203.0.113.7", "127.0.0.1"))).toBe("203.0.113.7");
    expect(clientIp(peer("::ffff:198.51.100.2"))).toBe("198.51.100.2");
    expect(clientIp(peer("2001:DB8::1"))).toBe("2001:db8::1");
    // One proxy: the entry it appended (the rightmost), never what the client put before it.
    expect(clientIp(peer("10.0.0.1", "127.0.0.1, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(peer("10.0.0.1", "198.51.100.4"), 1)).toBe("198.51.100.4");
    // Two proxies: the entry the outer one appended.
    expect(clientIp(peer("10.0.0.2", "6.6.6.6, 198.51.100.5, 10.0.0.1"), 2)).toBe("198.51.100.5");
    // Came in past fewer proxies than declared: the farthest address a trusted hop wrote.
    expect(clientIp(peer("10.0.0.1"), 1)).toBe("10.0.0.1");
    // Junk where an address belongs, or no peer recorded at all (not through our server): unknown.
    expect(clientIp(peer("10.0.0.1", "<script>:1"), 1)).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "198.51.100.9" }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });

  it("takes the hop count from TRUST_PROXY_HOPS", () => {
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: "10.0.0.1", "x-forwarded-for": "203.0.113.9" });
    try {
      vi.stubEnv("TRUST_PROXY_HOPS", "");
      resetEnvForTests();
      expect(clientIp(headers)).toBe("10.0.0.1");
      vi.stubEnv("TRUST_PROXY_HOPS", "1");
      resetEnvForTests();
      expect(clientIp(headers)).toBe("203.0.113.9");
    } finally {
      vi.unstubAllEnvs();
      resetEnvForTests();
    }
  });

  it("keys a signed-in user by id, else the holder cookie on its address", () => {
    expect(clientKey({ userId: "u1", holder: "h1", ip: "203.0.113.7" })).toBe("user:u1");
    expect(clientKey({ holder: "h1", ip: "203.0.113.7" })).toBe("holder:h1:203.0.113.7");
    expect(clientKey({ ip: null })).toBe("ip:unknown");
  });

  it("lets the machine itself through only in demo mode (tests, dev, npm run demo)", () => {
    expect(exemptFromLimits("127.0.0.1")).toBe(true);
    expect(exemptFromLimits("::1")).toBe(true);
    expect(exemptFromLimits("203.0.113.7")).toBe(false);
    expect(exemptFromLimits(null)).toBe(false);
    const nodeEnv = process.env.NODE_ENV;
    Object.assign(process.env, { NODE_ENV: "production" });
    resetEnvForTests();
    try {
      expect(exemptFromLimits("127.0.0.1")).toBe(false);
    } finally {
      Object.assign(process.env, { NODE_ENV: nodeEnv });
    }
  });
});

describe("the refusal a customer reads", () => {
  it("says when to try again", () => {
    expect(retryIn(1)).toBe("in 1 second");
    expect(retryIn(45)).toBe("in 45 seconds");
    expect(retryIn(125)).toBe("in 3 minutes");
    const err = new RateLimitedError("seat requests", 12);
    expect(err).toMatchObject({ code: "rate_limited", status: 429, retryAfterSeconds: 12, details: { retryAfterSeconds: 12 } });
    expect(err.message).toBe("Too many seat requests in a short time. Please try again in 12 seconds.");
  });
});

import { describe, expect, it, vi } from "vitest";

// Next.js loads a module once per bundle (route handlers, pages, actions), so the shared Redis
// store may throw an outage error made by another copy's classes. Two copies of the modules are
// loaded here the same way: a fresh module registry for each.
async function aCopy() {
  vi.resetModules();
  const [unavailable, errors] = await Promise.all([import("@/lib/redis/unavailable"), import("@/lib/errors")]);
  return { ...unavailable, ...errors };
}

describe("outage errors across module copies", () => {
  it("are remade as this copy's 503 by the store's view, and recognised by unlessRedisIsDown", async () => {
    const maker = await aCopy();
    const reader = await aCopy();
    expect(reader.AppError).not.toBe(maker.AppError);

    const cause = new Error("connect ECONNREFUSED 127.0.0.1:6379");
    const store = {
      kind: "redis",
      fails: async () => {
        throw new maker.RedisUnavailableError(cause);
      },
      bug: async () => {
        throw new TypeError("seat ids must be non-empty strings");
      },
    };
    // Without the view, the reader's error table would not know the error as one of its own.
    expect(await store.fails().catch((e: unknown) => e instanceof reader.AppError)).toBe(false);

    const view = reader.outagesAsOwnErrors(store);
    expect(view.kind).toBe("redis");
    const err = await view.fails().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(reader.AppError);
    expect(reader.toFailure(err)).toEqual({ ok: false, code: "unavailable", message: reader.SEAT_SELECTION_PAUSED, details: undefined });
    expect((err as Error).cause).toBe(cause);
    // Anything else passes through untouched.
    await expect(view.bug()).rejects.toThrow(TypeError);

    expect(await reader.unlessRedisIsDown(store.fails())).toBeNull();
    await expect(reader.unlessRedisIsDown(store.bug())).rejects.toThrow(TypeError);
  });
});

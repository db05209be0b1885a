import { describe, expect, it, vi } from "vitest";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { currentRequestId, runWithRequestId } from "@/lib/request-context";

// Next's server puts AsyncLocalStorage on globalThis before its request store is first used.
vi.hoisted(() => {
  const { AsyncLocalStorage } = process.getBuiltinModule("node:async_hooks") as typeof import("node:async_hooks");
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
});

// The request id every log line, email and Stripe call of a request carries. proxy.ts sets it on
// pages and route handlers; server action calls skip the proxy and get theirs here.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The part of Next's request store that currentRequestId reads.
function inRequest<T>(headers: Record<string, string>, fn: () => T): T {
  const store = { type: "request", headers: new Headers(headers) } as unknown as Parameters<typeof workUnitAsyncStorage.run>[0];
  return workUnitAsyncStorage.run(store, fn);
}

describe("currentRequestId", () => {
  it("uses the id proxy.ts put on the request", () => {
    expect(inRequest({ "x-request-id": "lb-7f3a9c21-e2e" }, currentRequestId)).toBe("lb-7f3a9c21-e2e");
  });

  it("gives a request the proxy skipped one fresh id, the same for all of its lines", () => {
    const [a, b] = inRequest({}, () => [currentRequestId(), currentRequestId()]);
    expect(a).toMatch(UUID);
    expect(b).toBe(a);
    expect(inRequest({}, currentRequestId)).not.toBe(a);
  });

  it("never passes on a caller's id that is not log-safe", () => {
    const id = inRequest({ "x-request-id": "<script>alert(1)</script>" }, currentRequestId);
    expect(id).toMatch(UUID);
  });

  it("prefers an id set with runWithRequestId (scripts, timers), and has none outside a request", () => {
    expect(runWithRequestId("job-12345678", () => inRequest({}, currentRequestId))).toBe("job-12345678");
    expect(currentRequestId()).toBeUndefined();
  });
});

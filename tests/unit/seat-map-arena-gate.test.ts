import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";

// The 5,000-seat arena (app/dev/seat-map-arena) is for the benchmark and demos only: in a real
// production deployment (NODE_ENV=production without ALLOW_LOCAL_PAYMENTS) the page is a 404 and
// its stand-in hold actions refuse. The page's own `connection()` needs a request; it is stubbed.
vi.mock("next/server", () => ({ connection: async () => undefined }));

const saved = { NODE_ENV: process.env.NODE_ENV, ALLOW_LOCAL_PAYMENTS: process.env.ALLOW_LOCAL_PAYMENTS };

function setEnv(nodeEnv: string, allowLocalPayments: string | undefined) {
  (process.env as Record<string, string | undefined>).NODE_ENV = nodeEnv;
  if (allowLocalPayments === undefined) delete process.env.ALLOW_LOCAL_PAYMENTS;
  else process.env.ALLOW_LOCAL_PAYMENTS = allowLocalPayments;
  resetEnvForTests();
}

async function thrownDigest(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (err) {
    return (err as { digest?: string }).digest;
  }
  return undefined;
}

const input = { showId: "arena", seatIds: ["arena-A-3"] };
const page = async () => (await import("@/app/dev/seat-map-arena/page")).default({ searchParams: Promise.resolve({}) });

describe("seat-map arena gate", () => {
  beforeEach(() => resetEnvForTests());
  afterEach(() => {
    (process.env as Record<string, string | undefined>).NODE_ENV = saved.NODE_ENV;
    if (saved.ALLOW_LOCAL_PAYMENTS === undefined) delete process.env.ALLOW_LOCAL_PAYMENTS;
    else process.env.ALLOW_LOCAL_PAYMENTS = saved.ALLOW_LOCAL_PAYMENTS;
    resetEnvForTests();
  });

  it("is a 404 in production, and its hold actions refuse", async () => {
    setEnv("production", undefined);
    const { continueArenaAction, holdArenaSeatsAction, releaseArenaSeatsAction } = await import("@/app/dev/seat-map-arena/actions");
    expect(await thrownDigest(page)).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
    expect(await holdArenaSeatsAction(input)).toMatchObject({ ok: false, code: "not_found" });
    expect(await releaseArenaSeatsAction(input)).toMatchObject({ ok: false, code: "not_found" });
    expect(await thrownDigest(() => continueArenaAction(new FormData()))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  // The page itself rendering in demo mode is proved in the browser (e2e seat-map.spec.ts).
  it("answers in a production build run as the demo (ALLOW_LOCAL_PAYMENTS=1)", async () => {
    setEnv("production", "1");
    const { holdArenaSeatsAction, releaseArenaSeatsAction } = await import("@/app/dev/seat-map-arena/actions");
    expect(await holdArenaSeatsAction(input)).toMatchObject({ ok: true });
    expect(await releaseArenaSeatsAction(input)).toMatchObject({ ok: true });
  });
});

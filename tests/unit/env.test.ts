import { describe, expect, it } from "vitest";
import { backends, EnvError, parseEnv, startupIssues } from "@/lib/env";

function errorOf(source: Record<string, string>): EnvError {
  try {
    parseEnv(source);
  } catch (err) {
    if (err instanceof EnvError) return err;
    throw err;
  }
  throw new Error("expected an EnvError");
}

describe("env", () => {
  it("selects every embedded default when nothing is set", () => {
    const e = parseEnv({});
    expect(backends(e)).toEqual({ database: "pglite", seatLocks: "memory", payments: "local", email: "outbox" });
    expect(e.SEAT_HOLD_MINUTES).toBe(10);
    expect(e.MAX_SEATS_PER_ORDER).toBe(10);
    expect(e.CANCELLATION_CUTOFF_MINUTES).toBe(60);
    expect(e.PGLITE_DIR).toBe(".data/pglite");
  });

  it("names DATABASE_URL when it is not a Postgres URL", () => {
    const err = errorOf({ DATABASE_URL: "nonsense" });
    expect(err.issues.map((i) => i.variable)).toEqual(["DATABASE_URL"]);
    expect(err.message).toContain("DATABASE_URL must be a URL starting with postgres:// or postgresql://");
  });

  it("names each bad variable at once", () => {
    const err = errorOf({ SEAT_HOLD_MINUTES: "ten", REDIS_URL: "http://x", STRIPE_SECRET_KEY: "pk_test_1" });
    expect(err.issues.map((i) => i.variable).sort()).toEqual(["REDIS_URL", "SEAT_HOLD_MINUTES", "STRIPE_SECRET_KEY"].sort());
    expect(err.message).toContain('SEAT_HOLD_MINUTES must be a positive whole number, got "ten"');
  });

  it("requires both halves of a credential pair", () => {
    expect(errorOf({ UPSTASH_REDIS_REST_URL: "https://x.upstash.io" }).message).toContain("UPSTASH_REDIS_REST_TOKEN is required when UPSTASH_REDIS_REST_URL is set");
    expect(errorOf({ STRIPE_WEBHOOK_SECRET: "whsec_x" }).message).toContain("STRIPE_SECRET_KEY is required");
  });

  it("refuses a short ticket signing secret", () => {
    expect(errorOf({ TICKET_SIGNING_SECRET: "short" }).issues[0].variable).toBe("TICKET_SIGNING_SECRET");
  });

  it("counts trusted proxy hops from 0 (the default: the socket's peer) to 10, and names a bad count", () => {
    expect(parseEnv({}).TRUST_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUST_PROXY_HOPS: "2" }).TRUST_PROXY_HOPS).toBe(2);
    for (const bad of ["-1", "1.5", "yes", "11"]) {
      expect(errorOf({ TRUST_PROXY_HOPS: bad }).message).toContain(`TRUST_PROXY_HOPS must be a whole number from 0 to 10, got "${bad}"`);
    }
  });

  it("picks real services when configured", () => {
    const e = parseEnv({
      DATABASE_URL: "postgres://u@h/db",
      REDIS_URL: "redis://127.0.0.1:6379",
      STRIPE_SECRET_KEY: "sk_test_abc",
      STRIPE_WEBHOOK_SECRET: "whsec_abc",
      RESEND_API_KEY: "re_123",
      ADMIN_EMAILS: " Boss@Example.com , ops@example.com",
    });
    expect(backends(e)).toEqual({ database: "postgres", seatLocks: "redis", payments: "stripe", email: "resend" });
    expect(e.ADMIN_EMAILS).toEqual(["boss@example.com", "ops@example.com"]);
  });

  it("a production server needs APP_URL and METRICS_TOKEN, named; the build and the demo do not", () => {
    expect(startupIssues(parseEnv({ NODE_ENV: "production" })).map((i) => i.variable)).toEqual(["APP_URL", "METRICS_TOKEN"]);
    expect(startupIssues(parseEnv({ NODE_ENV: "production", APP_URL: "https://tickets.example", METRICS_TOKEN: "m" }))).toEqual([]);
    expect(startupIssues(parseEnv({ NODE_ENV: "production", ALLOW_LOCAL_PAYMENTS: "1" })).map((i) => i.variable)).toEqual(["APP_URL"]);
    expect(startupIssues(parseEnv({ NODE_ENV: "development" }))).toEqual([]);
    expect(parseEnv({ NODE_ENV: "production" }).SEED_DEMO).toBe(false);
    expect(parseEnv({ SEED_DEMO: "1" }).SEED_DEMO).toBe(true);
  });
});

import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { signTicketCode, ticketSecret, verifyTicketCode } from "@/lib/tickets/code";
import { devSecret, resetDevSecretsForTests } from "@/lib/secrets/dev-secrets";

const saved = { ...process.env };
let dataDir: string;

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
  resetDevSecretsForTests();
}

beforeEach(() => {
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), "marquee-secrets-")), "nested", "data");
  setEnv({ DATA_DIR: dataDir, TICKET_SIGNING_SECRET: undefined, NODE_ENV: "test" });
});

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
  resetDevSecretsForTests();
  rmSync(path.dirname(path.dirname(dataDir)), { recursive: true, force: true });
});

describe("ticket signing secret", () => {
  it("uses TICKET_SIGNING_SECRET when set", () => {
    setEnv({ TICKET_SIGNING_SECRET: "s".repeat(40) });
    expect(ticketSecret()).toBe("s".repeat(40));
  });

  it("refuses to run without TICKET_SIGNING_SECRET in production, naming it", () => {
    setEnv({ NODE_ENV: "production" });
    expect(() => ticketSecret()).toThrow(/TICKET_SIGNING_SECRET/);
  });

  it("generates a development secret once, in <DATA_DIR>/dev-secrets.json", () => {
    const secret = ticketSecret();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, "dev-secrets.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ TICKET_SIGNING_SECRET: secret });
    expect(statSync(file).mode & 0o077).toBe(0);

    // A restart (fresh process state) reads the same secret back, so issued codes stay valid.
    const code = signTicketCode("0b6f5c1e-8d7a-4c2b-9f3e-1a2b3c4d5e6f", secret);
    resetDevSecretsForTests();
    expect(ticketSecret()).toBe(secret);
    expect(verifyTicketCode(code, ticketSecret()).ok).toBe(true);
  });

  it("keeps other names' secrets when adding one", () => {
    const ticket = devSecret("TICKET_SIGNING_SECRET");
    const auth = devSecret("AUTH_SECRET");
    expect(auth).not.toBe(ticket);
    resetDevSecretsForTests();
    expect(devSecret("TICKET_SIGNING_SECRET")).toBe(ticket);
    expect(devSecret("AUTH_SECRET")).toBe(auth);
  });

  it("refuses development secrets in production", () => {
    setEnv({ NODE_ENV: "production" });
    expect(() => devSecret("AUTH_SECRET")).toThrow(/AUTH_SECRET/);
  });

  it("takes over a lock left behind by a crashed process", () => {
    const lock = path.join(dataDir, "dev-secrets.json.lock");
    devSecret("FIRST");
    writeFileSync(lock, "");
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    resetDevSecretsForTests();
    expect(devSecret("SECOND")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("says which file to delete when it is not JSON", () => {
    devSecret("FIRST");
    writeFileSync(path.join(dataDir, "dev-secrets.json"), "[1,2]");
    resetDevSecretsForTests();
    expect(() => devSecret("FIRST")).toThrow(/dev-secrets\.json/);
  });
});

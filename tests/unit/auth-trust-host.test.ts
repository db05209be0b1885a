import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { trustHost } from "@/lib/auth/trust-host";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

function withEnv(vars: Record<string, string | undefined>) {
  process.env = { ...saved, APP_URL: undefined, AUTH_TRUST_HOST: undefined, ...vars } as NodeJS.ProcessEnv;
  resetEnvForTests();
  return process.env;
}

describe("trustHost", () => {
  it("follows AUTH_TRUST_HOST when set, including an explicit false", () => {
    expect(trustHost(withEnv({ AUTH_TRUST_HOST: "true", NODE_ENV: "production" }))).toBe(true);
    expect(trustHost(withEnv({ AUTH_TRUST_HOST: "false", APP_URL: "https://tickets.example" }))).toBe(false);
    expect(() => trustHost(withEnv({ AUTH_TRUST_HOST: "yes" }))).toThrow(/AUTH_TRUST_HOST/);
  });

  it("trusts the host when APP_URL declares the public address, or outside production", () => {
    expect(trustHost(withEnv({ NODE_ENV: "production", APP_URL: "https://tickets.example" }))).toBe(true);
    expect(trustHost(withEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(trustHost(withEnv({ NODE_ENV: "development" }))).toBe(true);
  });
});

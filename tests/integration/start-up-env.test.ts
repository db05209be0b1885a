import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";

// `npm start` runs scripts/check-env.ts before `next start`: a bad setting must stop start-up
// with a message naming the variable, and good settings must let it through.
function checkEnv(extra: Record<string, string>) {
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...extra } as unknown as NodeJS.ProcessEnv;
  return spawnSync("npx", ["tsx", "scripts/check-env.ts"], { env, encoding: "utf8" });
}

describe("start-up settings check", () => {
  it("stops on DATABASE_URL=nonsense, naming the variable", () => {
    const run = checkEnv({ DATABASE_URL: "nonsense" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("DATABASE_URL must be a URL starting with postgres:// or postgresql://");
  });

  it("passes with no settings at all (the embedded defaults)", () => {
    const run = checkEnv({});
    expect(run.status).toBe(0);
  });

  it("stops a production server without APP_URL or METRICS_TOKEN, naming each", () => {
    const run = checkEnv({ NODE_ENV: "production" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("APP_URL is required in production");
    expect(run.stderr).toContain("METRICS_TOKEN is required in production");
    expect(checkEnv({ NODE_ENV: "production", APP_URL: "https://tickets.example", METRICS_TOKEN: "m" }).status).toBe(0);
  });
});

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Next's workers and vitest's forks start together on a fresh checkout; they must all end up
// with the same generated secret, or codes signed in one process fail to verify in another.

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(path.join(tmpdir(), "marquee-dev-secret-race-"));

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// Each child waits for a shared start time so the first reads and writes overlap.
const child = `
import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(
  "export async function resolve(s, c, n) { return s === 'server-only' ? { url: 'data:text/javascript,', shortCircuit: true } : n(s, c); }"));
const { devSecret } = await import(${JSON.stringify(path.join(root, "lib/secrets/dev-secrets.ts"))});
while (Date.now() < Number(process.env.START_AT)) {}
process.stdout.write(devSecret(process.env.SECRET_NAME));
`;

function run(startAt: number, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", child], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "development", DATA_DIR: dataDir, START_AT: String(startAt), SECRET_NAME: name },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    proc.stdout.on("data", (d) => (out += d));
    proc.stderr.on("data", (d) => (err += d));
    proc.on("error", reject);
    proc.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

describe("development secrets across processes", () => {
  it("gives every process started at once the same secret, and keeps the others", async () => {
    const startAt = Date.now() + 4_000;
    const names = ["TICKET_SIGNING_SECRET", "TICKET_SIGNING_SECRET", "TICKET_SIGNING_SECRET", "TICKET_SIGNING_SECRET", "AUTH_SECRET", "AUTH_SECRET"];
    const secrets = await Promise.all(names.map((name) => run(startAt, name)));
    const byName = new Map<string, Set<string>>();
    names.forEach((name, i) => byName.set(name, (byName.get(name) ?? new Set()).add(secrets[i])));
    expect(byName.get("TICKET_SIGNING_SECRET")?.size).toBe(1);
    expect(byName.get("AUTH_SECRET")?.size).toBe(1);

    const file = JSON.parse(readFileSync(path.join(dataDir, "dev-secrets.json"), "utf8"));
    expect(file).toEqual({ TICKET_SIGNING_SECRET: secrets[0], AUTH_SECRET: secrets[4] });
  });
});

import "server-only";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { demoMode, env } from "@/lib/env";

// Secrets that the embedded default may invent for itself, so `npm run dev` works with no
// configuration. They persist in <DATA_DIR>/dev-secrets.json so codes and sessions stay valid
// across restarts, and the file is shared by every process on the machine (Next workers, test
// forks), which is why writes happen under a lock and re-read the file first.

const FILE_NAME = "dev-secrets.json";
const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

const cache = new Map<string, string>();

/**
 * A random secret stored under `name` in the dev secrets file, created on first use.
 * Refused in production: there the real variable must be set.
 */
export function devSecret(name: string): string {
  const e = env();
  if (!demoMode(e)) {
    throw new Error(`${name} must be set in production (generated development secrets are refused)`);
  }
  const file = path.resolve(e.DATA_DIR, FILE_NAME);
  const key = `${file}\0${name}`;
  const known = cache.get(key);
  if (known) return known;

  const existing = readSecrets(file)[name];
  const secret =
    existing ??
    withLock(file, () => {
      // Another process may have added it since the unlocked read.
      const secrets = readSecrets(file);
      if (secrets[name]) return secrets[name];
      secrets[name] = randomBytes(32).toString("base64url");
      writeSecrets(file, secrets);
      return secrets[name];
    });
  cache.set(key, secret);
  return secret;
}

/** Forget the in-process copies, for tests that point DATA_DIR elsewhere. */
export function resetDevSecretsForTests() {
  cache.clear();
}

function readSecrets(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw err;
  }
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error(`${file} is not a JSON object; delete it to generate new development secrets`);
  }
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].length > 0),
  );
}

function writeSecrets(file: string, secrets: Record<string, string>) {
  // Write then rename, so a reader never sees half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  renameSync(tmp, file);
}

function withLock<T>(file: string, fn: () => T): T {
  mkdirSync(path.dirname(file), { recursive: true });
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      if (isStale(lock)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}; delete it if no process holds it`);
      sleepSync(20);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS;
  } catch {
    return false;
  }
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The configured secret `name`, or in the embedded default and the demo a generated one.
 * A real deployment without it fails here, with a message naming the variable and `hint`.
 */
export function secretOrDevSecret(name: "AUTH_SECRET" | "TICKET_SIGNING_SECRET", hint: string): string {
  const e = env();
  const configured = e[name];
  if (configured) return configured;
  if (!demoMode(e)) throw new Error(`${name} must be set in production (${hint})`);
  return devSecret(name);
}

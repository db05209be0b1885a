// Starts real `next start` instances of the production build on a database of their own, for
// the hold benchmark and the scale-out test. Everything started here is stopped again on every
// way out (normal end, thrown error, Ctrl-C), because a leftover server would hold its port and
// a leftover database would pile up on the shared Postgres.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

export const APP_DIR = process.cwd();
const NEXT_BIN = path.join(APP_DIR, "node_modules", "next", "dist", "bin", "next");

export const PG_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

export type Instance = { name: string; port: number; origin: string; proc: ChildProcess; logFile: string };

// Cleanup steps run last-in first-out, once, whichever way the process ends.
const cleanups: (() => void | Promise<void>)[] = [];
const children = new Set<ChildProcess>();
let cleaning: Promise<void> | null = null;

export function onCleanup(step: () => void | Promise<void>) {
  cleanups.push(step);
}

export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (err) {
        console.error("cleanup step failed:", err);
      }
    }
  })();
  return cleaning;
}

function killChildrenNow() {
  for (const child of children) killTree(child, "SIGKILL");
}

// `exit` handlers cannot wait, so the servers get a synchronous kill there; the database is
// dropped on the asynchronous paths (signals and the scripts' own finally blocks).
process.on("exit", killChildrenNow);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping servers and dropping the database`);
    void cleanup().finally(() => process.exit(130));
  });
}
// A stray rejection would otherwise end the process before the database is dropped.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (err: unknown) => {
    console.error(`${event}:`, err);
    void cleanup().finally(() => process.exit(2));
  });
}

function killTree(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  try {
    // Negative pid: the whole process group, so anything `next start` forked goes too.
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}

export async function stopProcess(child: ChildProcess, graceMs = 5_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  killTree(child, "SIGTERM");
  const timer = setTimeout(() => killTree(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

/** Spawns a child in its own process group, tracked so that every exit path kills it. */
export function spawnTracked(command: string, args: string[], opts: { env: NodeJS.ProcessEnv; logFile: string }): ChildProcess {
  const log = createWriteStream(opts.logFile);
  const child = spawn(command, args, { cwd: APP_DIR, env: opts.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  children.add(child);
  child.once("exit", () => children.delete(child));
  onCleanup(() => stopProcess(child));
  return child;
}

/** The production build, made first when there is none (an existing one is used as it is). */
export function ensureBuild() {
  if (existsSync(path.join(APP_DIR, ".next", "BUILD_ID"))) return;
  console.log("no production build in .next: running `next build` (this takes a minute)");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: APP_DIR,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

/** A fresh database on the local Postgres, dropped at cleanup (kept when KEEP_DB is set, to look into a failure). */
export async function createDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  onCleanup(async () => {
    if (process.env.KEEP_DB) {
      console.log(`database ${name} kept (KEEP_DB is set); drop it with: psql -c 'drop database "${name}"'`);
      return;
    }
    const dropper = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
    try {
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await dropper.end();
    }
  });
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** A scratch directory (dev secrets, logs) removed at cleanup unless KEEP_LOGS is set. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  onCleanup(() => {
    if (process.env.KEEP_LOGS) console.log(`logs kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

const takenPorts = new Set<number>();

/**
 * A free port in 3300–3399 (the range set aside for these scripts), starting at a random one.
 * BENCH_PORTS ("3300-3319") narrows it, for runs sharing the machine with others.
 */
export async function freePort(): Promise<number> {
  const [low, high] = (process.env.BENCH_PORTS ?? "3300-3399").split("-").map(Number);
  const size = high - low + 1;
  const start = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = low + ((start + i) % size);
    if (takenPorts.has(port)) continue;
    if (await portIsFree(port)) {
      takenPorts.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${low}-${high}`);
}

/**
 * The settings every instance shares: one database, one Redis, one set of secrets (tickets
 * signed on one instance must verify on the other, and the local webhook secret comes from the
 * shared DATA_DIR). Anything the caller passes (rate-limit knobs, METRICS_TOKEN) is added on top.
 */
export function appEnv(opts: { databaseUrl: string; dataDir: string; port: number; extra?: Record<string, string> }): NodeJS.ProcessEnv {
  const secret = (label: string) => `bench-${label}-${opts.dataDir}`.padEnd(48, "x");
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(opts.port),
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL,
    AUTH_TRUST_HOST: "true",
    ALLOW_LOCAL_PAYMENTS: "1",
    SEED_DEMO: "1",
    // The scripts play one reverse proxy: the X-Forwarded-For they send is each simulated
    // customer's address, as a proxy would append it.
    TRUST_PROXY_HOPS: "1",
    TICKET_SIGNING_SECRET: secret("tickets"),
    AUTH_SECRET: secret("auth"),
    APP_URL: `http://localhost:${opts.port}`,
    DATA_DIR: opts.dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    ...opts.extra,
  };
}

/**
 * Starts `count` instances on one database at once (the first to take the advisory lock
 * migrates and seeds, the others wait for it) and waits until each answers /api/health.
 */
export async function startInstances(opts: { count: number; databaseUrl: string; dataDir: string; extraEnv?: Record<string, string> }): Promise<Instance[]> {
  const instances: Instance[] = [];
  for (let i = 0; i < opts.count; i++) {
    const port = await freePort();
    const name = String.fromCharCode(65 + i);
    const logFile = path.join(opts.dataDir, `next-${name}-${port}.log`);
    // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the app under load.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const proc = spawnTracked(process.execPath, [...nodeArgs, NEXT_BIN, "start", "-p", String(port)], {
      env: appEnv({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, port, extra: opts.extraEnv }),
      logFile,
    });
    instances.push({ name, port, origin: `http://localhost:${port}`, proc, logFile });
  }
  await Promise.all(instances.map((inst) => waitHealthy(inst)));
  return instances;
}

async function waitHealthy(inst: Instance, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    if (inst.proc.exitCode !== null) throw new Error(`instance ${inst.name} exited with ${inst.proc.exitCode}; see ${inst.logFile}`);
    try {
      const res = await fetch(`http://127.0.0.1:${inst.port}/api/health`);
      const body = (await res.json()) as { status?: string; backends?: Record<string, string> };
      if (res.ok && body.status === "ok") {
        if (body.backends?.seatLocks !== "redis" || body.backends?.database !== "postgres") {
          throw new Error(`instance ${inst.name} runs on ${JSON.stringify(body.backends)}, expected postgres + redis`);
        }
        return;
      }
      last = JSON.stringify(body);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith("instance")) throw err;
      last = String(err);
    }
    await sleep(250);
  }
  throw new Error(`instance ${inst.name} not healthy after ${timeoutMs} ms (${last}); see ${inst.logFile}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

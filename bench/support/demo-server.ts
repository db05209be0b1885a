// One `next start` of the production build in demo mode on an embedded database of its own (a
// scratch PGlite directory, removed at cleanup): what the seat-map benchmark and screenshots need.
// Demo mode (ALLOW_LOCAL_PAYMENTS) is what makes the 5,000-seat arena page exist (lib/env.ts).
import path from "node:path";
import { APP_DIR, freePort, scratchDir, sleep, spawnTracked } from "./instances";

const NEXT_BIN = path.join(APP_DIR, "node_modules", "next", "dist", "bin", "next");

/** Starts the server on BENCH_PORT (or a free port in 3300-3399) and returns its origin once healthy. */
export async function startDemoServer(): Promise<string> {
  const port = Number(process.env.BENCH_PORT ?? (await freePort()));
  const dir = scratchDir("seatmap-demo");
  const logFile = path.join(dir, "next.log");
  const proc = spawnTracked(process.execPath, [NEXT_BIN, "start", "-p", String(port)], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ALLOW_LOCAL_PAYMENTS: "1",
      SEED_DEMO: "1",
      AUTH_TRUST_HOST: "true",
      APP_URL: `http://localhost:${port}`,
      DATA_DIR: dir,
      PGLITE_DIR: path.join(dir, "pglite"),
      LOG_LEVEL: "warn",
    },
    logFile,
  });
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`next start exited with ${proc.exitCode}; see ${logFile} (KEEP_LOGS=1 keeps it)`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return origin;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`next start not healthy after 120 s; see ${logFile}`);
}

/** Debian's Chromium, as the e2e suite launches it. */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
};

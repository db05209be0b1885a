import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Redis from "ioredis";
import postgres from "postgres";
import { startResendFake } from "../support/resend-fake";
import { startStripeFake } from "../support/stripe-fake";
import { startServicesControl } from "./support/services-control";
import { APP_PORT, APP_URL, CONTROL_PORT, PUBLIC_PORT, SERVER_LOG, STRIPE_WEBHOOK_SECRET, WORK_DIR } from "./support/prod-settings";

// The production suite's world: a production build under `next start` (NODE_ENV=production, no
// demo switches) on a Postgres database of its own and the real Redis, behind nginx terminating
// TLS with a certificate made here, the Stripe and Resend fakes as the outside services (the real
// SDKs pointed at them). Everything started here is stopped by the teardown this returns.

const PG_ADMIN_URL = process.env.PROD_E2E_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
// A logical database of its own on the real Redis, emptied at the start: rate limits count per
// address, and in production nothing exempts loopback, so earlier runs' sign-ins must not count.
const REDIS_URL = process.env.PROD_E2E_REDIS_URL ?? "redis://127.0.0.1:6379/13";
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}`);
}

/** A self-signed certificate for localhost, made for this run. */
function makeCertificate(dir: string) {
  run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`]);
}

// A proxy as a deployment would have it, with one deliberate omission: no X-Forwarded-Proto.
// Cookies must be Secure because APP_URL is https, not because a header says so.
function nginxConfig(dir: string): string {
  const abs = path.resolve(dir);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${abs}/nginx-${t};`).join("\n    ");
  return `${process.getuid?.() === 0 ? "user root;\n" : ""}worker_processes 1;
pid ${abs}/nginx.pid;
error_log ${abs}/nginx-error.log warn;
events { worker_connections 256; }
http {
    access_log ${abs}/nginx-access.log;
    ${temp}
    client_max_body_size 10m;
    server {
        listen 127.0.0.1:${PUBLIC_PORT} ssl;
        server_name localhost;
        ssl_certificate ${abs}/cert.pem;
        ssl_certificate_key ${abs}/key.pem;
        location / {
            proxy_pass http://127.0.0.1:${APP_PORT};
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header Connection "";
            # The seat map's live updates are a stream.
            proxy_buffering off;
            proxy_read_timeout 120s;
        }
    }
}
`;
}

async function waitFor(url: string, what: string, proc: ChildProcess, log: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`${what} exited with ${proc.exitCode}; see ${log}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer ${url} within 120 s; see ${log}`);
}

function stop(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null || !proc.pid) return Promise.resolve();
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  try {
    process.kill(-proc.pid, signal);
  } catch {
    proc.kill(signal);
  }
  return exited;
}

export default async function globalSetup() {
  rmSync(WORK_DIR, { recursive: true, force: true });
  mkdirSync(WORK_DIR, { recursive: true });
  makeCertificate(WORK_DIR);

  const dbName = `marquee_e2e_prod_${Date.now().toString(36)}_${process.pid}`;
  const admin = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  await admin.end();
  const databaseUrl = new URL(PG_ADMIN_URL);
  databaseUrl.pathname = `/${dbName}`;

  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  await redis.flushdb();
  redis.disconnect();

  const stripe = await startStripeFake({ apiKey: "sk_test_marquee_prod_e2e" });
  const resend = await startResendFake({ apiKey: "re_test_marquee_prod_e2e" });
  const control = await startServicesControl(stripe, resend, CONTROL_PORT);

  const appLog = createWriteStream(SERVER_LOG);
  const app = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(APP_PORT), "-H", "127.0.0.1"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL,
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL,
      STRIPE_SECRET_KEY: stripe.apiKey,
      STRIPE_WEBHOOK_SECRET,
      STRIPE_API_BASE: stripe.url,
      RESEND_API_KEY: resend.apiKey,
      RESEND_BASE_URL: resend.url,
      EMAIL_FROM: "Marquee <tickets@marquee.test>",
      AUTH_SECRET: randomBytes(32).toString("base64"),
      TICKET_SIGNING_SECRET: randomBytes(32).toString("hex"),
      METRICS_TOKEN: randomBytes(16).toString("hex"),
      DATA_DIR: path.join(WORK_DIR, "data"),
      // nginx is one hop: client addresses come from the X-Forwarded-For it appends.
      TRUST_PROXY_HOPS: "1",
      LOG_LEVEL: "warn",
    },
  });
  app.stdout!.pipe(appLog);
  app.stderr!.pipe(appLog);

  writeFileSync(path.join(WORK_DIR, "nginx.conf"), nginxConfig(WORK_DIR));
  const nginx = spawn("nginx", ["-e", path.resolve(WORK_DIR, "nginx-error.log"), "-p", path.resolve(WORK_DIR), "-c", path.resolve(WORK_DIR, "nginx.conf"), "-g", "daemon off;"], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
  });

  const teardown = async () => {
    await stop(nginx, "SIGQUIT");
    await stop(app, "SIGTERM");
    await control.close();
    await stripe.close();
    await resend.close();
    const dropper = postgres(PG_ADMIN_URL, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists "${dbName}" with (force)`);
    await dropper.end();
  };
  try {
    await waitFor(`http://127.0.0.1:${APP_PORT}/api/health`, "next start", app, SERVER_LOG);
    // nginx's own certificate is self-signed: check it answers on the public port over TLS.
    await waitForTls(nginx);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}

async function waitForTls(nginx: ChildProcess) {
  const https = await import("node:https");
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}; see ${WORK_DIR}/nginx-error.log`);
    const status = await new Promise<number>((resolve) => {
      https
        .get(`${APP_URL}/api/health`, { rejectUnauthorized: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on("error", () => resolve(0));
    });
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`nginx did not answer ${APP_URL} within 30 s; see ${WORK_DIR}/nginx-error.log`);
}

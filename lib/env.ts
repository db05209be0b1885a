import { z } from "zod";

// Every setting Marquee reads, in one place. Unset values select the embedded defaults
// (PGlite, in-process locks, local checkout, email outbox); a bad value stops start-up
// with a message that names the variable.

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: `must be a positive whole number, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const hopCount = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return 0;
    const n = Number(v);
    if (!/^\d+$/.test(v.trim()) || !Number.isInteger(n) || n > 10) {
      ctx.addIssue({ code: "custom", message: `must be a whole number from 0 to 10, got "${v}"` });
      return z.NEVER;
    }
    return n;
  });

const urlWith = (protocols: string[]) =>
  optionalString.refine(
    (v) => {
      if (v === undefined) return true;
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => p + "//").join(" or ")}` },
  );

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    APP_URL: urlWith(["http:", "https:"]),
    DATABASE_URL: urlWith(["postgres:", "postgresql:"]),
    PGLITE_DIR: z.string().default(".data/pglite"),
    DATA_DIR: z.string().default(".data"),
    REDIS_URL: urlWith(["redis:", "rediss:"]),
    UPSTASH_REDIS_REST_URL: urlWith(["http:", "https:"]),
    UPSTASH_REDIS_REST_TOKEN: optionalString,
    // Reverse proxies in front of the app whose X-Forwarded-For entries are believed: 0 = none,
    // the client is the socket's peer (lib/rate-limit/client-address.ts).
    TRUST_PROXY_HOPS: hopCount,
    SEAT_HOLD_MINUTES: positiveInt(10),
    MAX_SEATS_PER_ORDER: positiveInt(10),
    CANCELLATION_CUTOFF_MINUTES: positiveInt(60),
    // Issue 21: how long seats offered to a waiting party stay held for it, and how often every
    // instance sweeps for seats that came back without an event (a hold that ran out by TTL).
    WAITLIST_OFFER_MINUTES: positiveInt(15),
    WAITLIST_SWEEP_SECONDS: positiveInt(15),
    // Issue 22: answer the waiting line's join and polls through Next's route instead of in front
    // of Next (lib/booking/line-front-door.ts); for the benchmark's comparison of the two.
    WAITING_LINE_THROUGH_NEXT: flag,
    STRIPE_SECRET_KEY: optionalString.refine((v) => v === undefined || /^(sk|rk)_(test|live)_/.test(v), {
      message: "must start with sk_test_, sk_live_, rk_test_ or rk_live_",
    }),
    STRIPE_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || v.startsWith("whsec_"), {
      message: "must start with whsec_",
    }),
    // Points the Stripe SDK at another host (the test fake); never set in production.
    STRIPE_API_BASE: urlWith(["http:", "https:"]),
    ALLOW_LOCAL_PAYMENTS: flag,
    // Loads the demo cinema into an empty database (`npm run demo` and the demo e2e suite set it);
    // otherwise a new database starts empty and the first admin sets the theater up (/setup).
    SEED_DEMO: flag,
    RESEND_API_KEY: optionalString,
    RESEND_BASE_URL: urlWith(["http:", "https:"]),
    EMAIL_FROM: z.string().default("Marquee <tickets@marquee.local>"),
    AUTH_SECRET: optionalString,
    TICKET_SIGNING_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters",
    }),
    ADMIN_EMAILS: optionalString.transform((v) =>
      (v ?? "")
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
    AUTH_GITHUB_ID: optionalString,
    AUTH_GITHUB_SECRET: optionalString,
    AUTH_GOOGLE_ID: optionalString,
    AUTH_GOOGLE_SECRET: optionalString,
    METRICS_TOKEN: optionalString,
    // Bearer token the cron route (/api/cron) requires; the route is closed when unset.
    CRON_SECRET: optionalString,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    const pair = (a: keyof typeof env, b: keyof typeof env) => {
      if (Boolean(env[a]) !== Boolean(env[b])) {
        const missing = env[a] ? b : a;
        ctx.addIssue({ code: "custom", path: [missing], message: `is required when ${missing === a ? b : a} is set` });
      }
    };
    pair("UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN");
    pair("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET");
    pair("AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET");
    pair("AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET");
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super(
      "Invalid environment:\n" + issues.map((i) => `  ${i.variable} ${i.message}`).join("\n"),
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "environment"), message: issue.message })),
  );
}

let cached: Env | undefined;

/** The validated settings of this process, read once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvForTests() {
  cached = undefined;
}

/** The Redis the settings name, if any: Upstash (REST) wins over REDIS_URL (TCP). */
export function redisBackend(e: Env = env()) {
  return e.UPSTASH_REDIS_REST_URL ? "upstash" : e.REDIS_URL ? "redis" : "memory";
}

/** Which backend each part runs on, as /api/health and the README describe it. */
export function backends(e: Env = env()) {
  return {
    database: e.DATABASE_URL ? "postgres" : "pglite",
    // The rate limits run on the same store, over the one shared connection (lib/redis).
    seatLocks: redisBackend(e),
    payments: e.STRIPE_SECRET_KEY ? "stripe" : "local",
    email: e.RESEND_API_KEY ? "resend" : "outbox",
  } as const;
}

/**
 * Where generated stand-ins are acceptable: development and tests, and the demo (`npm run demo`
 * runs a production build with ALLOW_LOCAL_PAYMENTS=1). A real deployment sets its secrets.
 */
export function demoMode(e: Env = env()): boolean {
  return e.NODE_ENV !== "production" || e.ALLOW_LOCAL_PAYMENTS;
}

/**
 * What a production server needs beyond well-formed values. Checked when a server starts (not at
 * build time, which runs with NODE_ENV=production and no deployment settings):
 * - APP_URL: every link, redirect, email and callback is built from it, never from request
 *   headers, so there is nothing to fall back on;
 * - METRICS_TOKEN: /api/metrics is never public. The demo (local payments allowed) is exempt.
 */
export function startupIssues(e: Env): { variable: string; message: string }[] {
  if (e.NODE_ENV !== "production") return [];
  const issues: { variable: string; message: string }[] = [];
  if (!e.APP_URL) issues.push({ variable: "APP_URL", message: "is required in production: the public origin of the site, like https://tickets.example.com" });
  if (!e.METRICS_TOKEN && !demoMode(e)) {
    issues.push({ variable: "METRICS_TOKEN", message: "is required in production: the bearer token /api/metrics asks for (generate one with `openssl rand -hex 32`)" });
  }
  return issues;
}

/**
 * For start-up scripts: parse the settings or print what is wrong (naming each variable) and exit.
 * `starting` adds the checks a running server needs (startupIssues).
 */
export function exitOnInvalidEnv(source: Record<string, string | undefined> = process.env, opts: { starting?: boolean } = {}): void {
  try {
    const e = parseEnv(source);
    const issues = opts.starting ? startupIssues(e) : [];
    if (issues.length > 0) throw new EnvError(issues);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(`\nMarquee cannot start: ${err.message}\n`);
    process.exit(1);
  }
}

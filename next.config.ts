import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { exitOnInvalidEnv } from "./lib/env";

const nextConfig: NextConfig = {
  // Database drivers load native/wasm files at run time; keep them out of the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "ioredis", "pino", "@react-pdf/renderer"],
  poweredByHeader: false,
  typedRoutes: false,
  // On every response, static files included. The Content-Security-Policy (per-request nonce)
  // and HSTS (only behind https) are set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          // The door check-in page scans tickets with the camera; nothing else needs a device.
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=(), usb=()" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

// Validate every setting before building or starting: a bad value stops here with a message
// naming the variable, instead of surfacing later as a confusing runtime error. `next start` also
// needs what a running production server needs (APP_URL, METRICS_TOKEN: lib/env.ts startupIssues).
export default function config(phase: string): NextConfig {
  exitOnInvalidEnv(process.env, { starting: phase === PHASE_PRODUCTION_SERVER });
  return nextConfig;
}

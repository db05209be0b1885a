import type { NextConfig } from "next";
import { exitOnInvalidEnv } from "./lib/env";

// Validate every setting before building or starting: a bad value stops here with a message
// naming the variable, instead of surfacing later as a confusing runtime error.
exitOnInvalidEnv();

const nextConfig: NextConfig = {
  // Database drivers load native/wasm files at run time; keep them out of the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "ioredis", "pino", "@react-pdf/renderer"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;

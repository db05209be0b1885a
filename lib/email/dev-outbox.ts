import "server-only";
import { notFound } from "next/navigation";
import { backends, demoMode, env } from "@/lib/env";

/**
 * The dev outbox page shows every queued email, sign-in links included, to whoever opens it, so
 * it exists only where no real mail is sent: in development, and in the demo (`npm run demo`
 * runs a production build with ALLOW_LOCAL_PAYMENTS=1). A real deployment never has it.
 */
export function devOutboxEnabled(): boolean {
  const e = env();
  if (backends(e).email !== "outbox") return false;
  return demoMode(e);
}

export function requireDevOutbox() {
  if (!devOutboxEnabled()) notFound();
}

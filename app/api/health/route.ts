import { getDb } from "@/db/client";
import { pingDatabase } from "@/db/queries/health";
import { backends } from "@/lib/env";
import { defineRoute } from "@/lib/handlers/define-route";
import pkg from "@/package.json";

// Load balancers poll this: 200 when the database and the lock store answer, 503 otherwise.
// The lock store's Redis answers within a second or counts as down (lib/redis/timeouts.ts).
export const dynamic = "force-dynamic";

async function check(fn: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await fn();
    return { ok: true };
  } catch (err) {
    // An outage error carries the customer's message; operators want what Redis said.
    const reason = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    return { ok: false, error: reason instanceof Error ? reason.message.slice(0, 200) : "unreachable" };
  }
}

export const GET = defineRoute("/api/health", { auth: "public" }, async () => {
  const [database, seatLocks] = await Promise.all([
    check(async () => pingDatabase(await getDb())),
    check(async () => (await import("@/lib/seat-locks")).getSeatLocks().ping()),
  ]);
  const ok = database.ok && seatLocks.ok;
  return Response.json(
    { status: ok ? "ok" : "unavailable", version: pkg.version, backends: backends(), checks: { database, seatLocks } },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
});

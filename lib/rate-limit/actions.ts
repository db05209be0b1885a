import "server-only";
import { headers } from "next/headers";
import { clientIp, clientKey, exemptFromLimits } from "./client";
import { enforce, type Check } from "./enforce";
import { storedLimitKey } from "./index";
import { policies } from "./policies";

// The limits server actions apply, one call each. They throw a rate_limited AppError, which
// defineAction answers as { ok: false, code: "rate_limited", message: "… try again in 40 seconds." }.
// Who is signed in is the caller's to say (defineAction's ctx.user): limits never read the session.

/**
 * Per client, per address, and per show: seats asked for from one address, and by one signed-in
 * account. The address is the socket's (or the declared proxies'), so rotating the holder cookie
 * or X-Forwarded-For makes a new client, never a new address or account: with the per-show seat
 * budgets neither can keep more than a slice of a house on hold.
 */
export async function limitHold(input: { showId: string; seatIds: string[] }, caller: { holder: string; userId: string | null }): Promise<void> {
  await enforce("seat requests", await holdChecks(input, caller));
}

/**
 * The hold limits as the seat-lock store counts them inside its one hold script (issue 22): the
 * same policies and keys limitHold enforces, each with its stored key. Empty when exempt.
 */
export async function holdLimits(
  input: { showId: string; seatIds: string[] },
  caller: { holder: string; userId: string | null },
): Promise<{ key: string; windowMs: number; limit: number; cost: number }[]> {
  return (await holdChecks(input, caller)).map((c) => ({ key: storedLimitKey(`${c.policy}:${c.key}`), ...policies[c.policy], cost: c.cost ?? 1 }));
}

async function holdChecks(input: { showId: string; seatIds: string[] }, caller: { holder: string; userId: string | null }): Promise<Check[]> {
  const ip = clientIp(await headers());
  if (exemptFromLimits(ip)) return [];
  const { holder, userId } = caller;
  const address = ip ?? "unknown";
  const seats = new Set(input.seatIds).size;
  const checks: Check[] = [
    { policy: "hold", key: clientKey({ userId, holder, ip }) },
    { policy: "holdPerIp", key: address },
    { policy: "holdSeatsPerIpPerShow", key: `${input.showId}:${address}`, cost: Math.min(seats, policies.holdSeatsPerIpPerShow.limit) },
  ];
  if (userId) {
    checks.push({ policy: "holdSeatsPerAccountPerShow", key: `${input.showId}:${userId}`, cost: Math.min(seats, policies.holdSeatsPerAccountPerShow.limit) });
  }
  return checks;
}

/** Per signed-in customer (checkout requires signing in). */
export async function limitCheckout(userId: string): Promise<void> {
  if (exemptFromLimits(clientIp(await headers()))) return;
  await enforce("checkout attempts", [{ policy: "checkout", key: `user:${userId}` }]);
}

/** Per staff member at the door. */
export async function limitCheckIn(staffId: string): Promise<void> {
  if (exemptFromLimits(clientIp(await headers()))) return;
  await enforce("ticket scans", [{ policy: "checkIn", key: `user:${staffId}` }]);
}

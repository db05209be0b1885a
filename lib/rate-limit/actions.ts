import "server-only";
import { headers } from "next/headers";
import { currentUser } from "@/lib/auth/current-user";
import { clientIp, clientKey, exemptFromLimits } from "./client";
import { enforce, type Check } from "./enforce";
import { policies } from "./policies";

// The limits server actions apply, one call each. They throw a rate_limited AppError, which
// defineAction answers as { ok: false, code: "rate_limited", message: "… try again in 40 seconds." }.

/**
 * Per client and per address. Rotating the holder cookie makes a new client, not a new address:
 * with the per-show seat budget an address cannot keep more than a slice of a house on hold.
 */
export async function limitHold(input: { showId: string; seatIds: string[] }, holder: string): Promise<void> {
  const ip = clientIp(await headers());
  if (exemptFromLimits(ip)) return;
  const user = await currentUser();
  const checks: Check[] = [{ policy: "hold", key: clientKey({ userId: user?.id, holder, ip }) }];
  if (ip) {
    const seats = Math.min(new Set(input.seatIds).size, policies.holdSeatsPerIpPerShow.limit);
    checks.push({ policy: "holdPerIp", key: ip }, { policy: "holdSeatsPerIpPerShow", key: `${input.showId}:${ip}`, cost: seats });
  }
  await enforce("seat requests", checks);
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

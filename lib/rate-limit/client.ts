import { isIP } from "node:net";
import { demoMode } from "@/lib/env";

// Who is calling, as far as rate limits care. The address comes from the first hop of
// X-Forwarded-For, else X-Real-IP. `next start` fills X-Forwarded-For with the socket's address
// when it is missing; behind a load balancer the balancer must set (overwrite) the header, or a
// client could claim any address it likes (docs/operations.md).

/** The caller's IP address, or null when the headers do not name a valid one. */
export function clientIp(headers: Headers): string | null {
  const candidates = [headers.get("x-forwarded-for")?.split(",")[0], headers.get("x-real-ip")];
  for (const raw of candidates) {
    const ip = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
    if (ip && isIP(ip)) return ip.toLowerCase();
  }
  return null;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;

/**
 * Calls from the machine itself to a demo or development instance are the developer, the
 * browser tests or the scale test script, which act as hundreds of customers from one address;
 * they are not throttled. A real deployment (not demo mode) throttles them like anyone.
 */
export function exemptFromLimits(ip: string | null): boolean {
  return ip !== null && LOOPBACK.test(ip) && demoMode();
}

/** Key for "this client": the signed-in user, else the holder cookie on this address. */
export function clientKey(who: { userId?: string | null; holder?: string | null; ip: string | null }): string {
  if (who.userId) return `user:${who.userId}`;
  if (who.holder) return `holder:${who.holder}:${who.ip ?? "unknown"}`;
  return `ip:${who.ip ?? "unknown"}`;
}

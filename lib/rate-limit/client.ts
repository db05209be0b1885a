import { isIP } from "node:net";
import { demoMode, env } from "@/lib/env";
import { log } from "@/lib/log";
import { PEER_ADDRESS_HEADER } from "./peer-address";

// Who is calling, as far as rate limits care. Only what our own side wrote is believed: the
// socket's peer (written by recordPeerAddresses for every request, whatever the client sent)
// and, when TRUST_PROXY_HOPS declares that many reverse proxies in front of us, the
// X-Forwarded-For entries those proxies appended — read from the right, because a client can
// put anything it likes on the left.

const normalize = (raw: string | undefined | null): string | null => {
  const ip = raw?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return ip && isIP(ip) ? ip.toLowerCase() : null;
};

/**
 * The caller's IP address, or null when it cannot be told (no peer address: the request did not
 * come through our HTTP server, or a trusted proxy wrote junk). Null callers share one budget.
 */
export function clientIp(headers: Headers, trustedHops: number = env().TRUST_PROXY_HOPS): string | null {
  const peer = normalize(headers.get(PEER_ADDRESS_HEADER));
  if (!peer) warnOnceWithoutPeer();
  if (!peer || trustedHops === 0) return peer;
  // Each trusted proxy appended the address it received the request from; the peer is the last.
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  const chain = [...forwarded, peer];
  // Fewer entries than declared hops: the request came through fewer proxies, and the leftmost
  // entry is still one a trusted proxy wrote.
  return normalize(chain[Math.max(0, chain.length - 1 - trustedHops)]);
}

let warned = false;
function warnOnceWithoutPeer() {
  if (warned || env().NODE_ENV !== "production") return;
  warned = true;
  log.warn("a request reached a rate limit without its peer address: is it served by something other than `next start`? Every such client shares one budget");
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;

/**
 * Calls from the machine itself to a demo or development instance are the developer, the
 * browser tests or the scale test script, which act as hundreds of customers from one address;
 * they are not throttled. The address is the one clientIp() derives, so no header can claim it.
 * A real deployment (not demo mode) throttles them like anyone.
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

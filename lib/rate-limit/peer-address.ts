import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

// Next.js does not tell a handler who is on the other end of the socket: `next start` only fills
// X-Forwarded-For with the peer's address when the request has none, so a client that sends the
// header itself hides its address behind any it likes. Node announces every request on the
// `http.server.request.start` diagnostics channel before the server sees it; recording the
// socket's peer in a header of our own there, overwriting whatever the client sent under that
// name, gives every action and route handler an address no client can choose.

/** Where the socket's peer address is recorded; clientIp() reads it. */
export const PEER_ADDRESS_HEADER = "x-marquee-peer-address";

const SUBSCRIBED = Symbol.for("marquee.peer-address.subscribed");
const flags = globalThis as typeof globalThis & { [SUBSCRIBED]?: true };

/** Starts recording peer addresses for every HTTP request this process serves (once per process). */
export function recordPeerAddresses(): void {
  if (flags[SUBSCRIBED]) return;
  flags[SUBSCRIBED] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const peer = socket.remoteAddress;
    if (peer) request.headers[PEER_ADDRESS_HEADER] = peer;
    else delete request.headers[PEER_ADDRESS_HEADER];
  });
}

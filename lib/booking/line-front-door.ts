import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { measure } from "@/lib/metrics/measure";
import { REQUEST_ID_HEADER, acceptRequestId, runWithRequestId } from "@/lib/request-context";
import { admissionCookie } from "@/lib/waiting-room/admission";
import { visitLine } from "@/lib/waiting-room/visit";
import { lineShow } from "./admission-guard";
import { HOLDER_COOKIE, isHolderId } from "./holder-cookie";

// The waiting line's front door (issue 22). On an on-sale day every arrival joins the line and
// every waiting visitor polls it, so joins and polls come at twice the rate holds can be served,
// and through Next each cost about what a hold costs (routing, the proxy's web Request and
// Response, the route pipeline): a line answered there saturates the server it protects. Here a
// guest's join and poll (POST /api/shows/<id>/line) are answered as Node hands the request over,
// before Next sees it: the holder cookie, the show's line (lineShow, cached per instance), one
// line script call, the admission cookie once the place comes up. The answer is the route's own
// (visitLine). Everything else goes on to Next unchanged, including what the route must decide:
// a request without a holder cookie (the route mints one), a signed-in visitor (their place is
// per account, and the session is Auth.js's to read), a show this instance does not know, and
// any failure (the route answers it, with its error table).
//
// How it is put in front: Node announces each request on the `http.server.request.start`
// diagnostics channel, with its server, just before emitting it (lib/rate-limit/peer-address.ts
// records the peer there too). The first announcement from a server moves that server's request
// listeners (Next's) behind this one, which the same request then reaches.
// WAITING_LINE_THROUGH_NEXT=1 leaves the listeners alone (the benchmark compares the two paths).

const LINE_PATH = /^\/api\/shows\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/line$/;
// Auth.js's database-session cookie, plain or __Secure- (as lib/auth/current-user.ts reads it).
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;
// What next.config.ts adds to every answer, for an answer Next never sees.
const SECURITY_HEADERS = {
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=()",
};

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

const SLOT = Symbol.for("marquee.waiting-room.front-door");
const state = globalThis as typeof globalThis & { [SLOT]?: WeakSet<Server> };

/** Puts the front door before every HTTP server of this process as its first request arrives (once per process; instrumentation.ts). */
export function openFrontDoor(): void {
  if (state[SLOT] || env().WAITING_LINE_THROUGH_NEXT) return;
  const fronted = (state[SLOT] = new WeakSet());
  subscribe("http.server.request.start", (message) => {
    const { server } = message as { server: Server };
    if (fronted.has(server)) return;
    fronted.add(server);
    frontServer(server);
  });
}

/** Moves the server's request listeners behind the front door (exported for its tests). */
export function frontServer(server: Server): void {
  const behind = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  const pass: Listener = (req, res) => {
    for (const listener of behind) listener.call(server, req, res);
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const showId = req.method === "POST" ? LINE_PATH.exec(req.url ?? "")?.[1] : undefined;
    if (showId) void answerOrPass(showId, req, res, pass);
    else pass(req, res);
  });
}

async function answerOrPass(showId: string, req: IncomingMessage, res: ServerResponse, pass: Listener): Promise<void> {
  const cookie = req.headers.cookie ?? "";
  const holder = cookieValue(cookie, HOLDER_COOKIE);
  if (!isHolderId(holder) || SESSION_COOKIE.test(cookie)) return pass(req, res);
  const requestId = acceptRequestId(headerOf(req, REQUEST_ID_HEADER));
  let answered = false;
  try {
    answered = await runWithRequestId(requestId, async () => {
      const show = await lineShow(await getDb(), showId);
      if (!show) return false;
      await measure("/api/shows/[showId]/line", "POST", async () => {
        const { answer, admit } = await visitLine(show, { holder, userId: null });
        const headers: Record<string, string> = { ...SECURITY_HEADERS, "content-type": "application/json", "cache-control": "no-store", [REQUEST_ID_HEADER]: requestId };
        if (admit) headers["set-cookie"] = setCookie(admissionCookie(show.id, holder));
        req.resume();
        res.writeHead(200, headers).end(JSON.stringify(answer));
      }, () => 200);
      return true;
    });
  } catch (err) {
    log.warn({ err, showId, requestId }, "the line's front door could not answer; the route will");
  }
  if (!answered && !res.headersSent) pass(req, res);
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function cookieValue(header: string, name: string): string | undefined {
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at !== -1 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

function setCookie(cookie: ReturnType<typeof admissionCookie>): string {
  const { name, value, options } = cookie;
  return [`${name}=${value}`, `Path=${options.path}`, `Max-Age=${options.maxAge}`, "HttpOnly", "SameSite=Lax", ...(options.secure ? ["Secure"] : [])].join("; ");
}

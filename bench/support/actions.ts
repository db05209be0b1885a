// Calls the app's server actions over HTTP the way the browser does, against the real build:
// the action id comes from the build's manifest, the request carries Next-Action, an Origin the
// app accepts, and the arguments in React's reply encoding; the answer is an RSC payload.
import { readFileSync } from "node:fs";
import path from "node:path";
import { APP_DIR } from "./instances";
import type { HttpClient, HttpResponse } from "./http";

type ManifestEntry = { exportedName?: string; filename?: string };

/** Finds an action's id by export name and source file in .next/server/server-reference-manifest.json. */
export function actionId(exportName: string, file: string): string {
  const manifest = JSON.parse(readFileSync(path.join(APP_DIR, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const hits = Object.entries(manifest.node).filter(([, v]) => v.exportedName === exportName && v.filename === file);
  if (hits.length !== 1) throw new Error(`expected one server action ${exportName} in ${file}, found ${hits.length}: is the build current?`);
  return hits[0][0];
}

export const ACTIONS = {
  holdSeats: () => actionId("holdSeatsAction", "app/(site)/shows/[showId]/actions.ts"),
  releaseSeats: () => actionId("releaseSeatsAction", "app/(site)/shows/[showId]/actions.ts"),
  checkout: () => actionId("checkoutAction", "app/(site)/shows/[showId]/checkout-action.ts"),
  settleLocalCheckout: () => actionId("settleLocalCheckout", "app/(site)/checkout/local/[sessionId]/actions.ts"),
  cancelCheckout: () => actionId("cancelCheckoutForm", "app/(site)/checkout/cancel/actions.ts"),
};

/** What one simulated customer sends with every request: their cookies and their address. */
export type Visitor = { cookie: string; forwardedFor?: string };

function actionHeaders(port: number, id: string, visitor: Visitor): Record<string, string> {
  const headers: Record<string, string> = {
    "next-action": id,
    origin: `http://localhost:${port}`,
    accept: "text/x-component",
    cookie: visitor.cookie,
  };
  if (visitor.forwardedFor) headers["x-forwarded-for"] = visitor.forwardedFor;
  return headers;
}

/**
 * The action's return value from an RSC payload: row 0 names the row holding it ("a":"$@1"),
 * and that row is plain JSON for the small results these actions return.
 */
export function parseActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const root = rows.get("0");
  if (!root) throw new Error(`not an action response: ${body.slice(0, 200)}`);
  const ref = (JSON.parse(root) as { a?: string }).a;
  const rowId = typeof ref === "string" && ref.startsWith("$@") ? ref.slice(2) : null;
  const row = rowId ? rows.get(rowId) : undefined;
  if (!row) throw new Error(`no action result in response: ${body.slice(0, 200)}`);
  return JSON.parse(row);
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; details?: Record<string, unknown> };

export type ActionCall<T> = { status: number; result: ActionResult<T> | null; response: HttpResponse };

/** An action that takes one JSON-serialisable object (holdSeatsAction, releaseSeatsAction). */
export async function callJsonAction<T>(client: HttpClient, opts: { port: number; page: string; id: string; arg: unknown; visitor: Visitor }): Promise<ActionCall<T>> {
  const response = await client.request({
    port: opts.port,
    method: "POST",
    path: opts.page,
    headers: { ...actionHeaders(opts.port, opts.id, opts.visitor), "content-type": "text/plain;charset=UTF-8" },
    body: JSON.stringify([opts.arg]),
  });
  // A refused request (429 from a rate limiter, 403/500) carries no action result.
  const result = response.status === 200 ? (parseActionResult(response.body) as ActionResult<T>) : null;
  return { status: response.status, result, response };
}

/**
 * An action that takes a FormData (a <form action>): React sends its fields prefixed with the
 * part id ("_1_") and the argument list as part "0" pointing at them. Returns where the action
 * redirected to, if it did.
 */
export async function callFormAction(
  client: HttpClient,
  opts: { port: number; page: string; id: string; fields: Record<string, string>; visitor: Visitor },
): Promise<{ status: number; redirect: string | null; response: HttpResponse }> {
  const boundary = `----marqueebench${Math.random().toString(16).slice(2)}`;
  const parts = [...Object.entries(opts.fields).map(([k, v]) => [`_1_${k}`, v] as const), ["0", '["$K1"]'] as const];
  const body =
    parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  const response = await client.request({
    port: opts.port,
    method: "POST",
    path: opts.page,
    headers: { ...actionHeaders(opts.port, opts.id, opts.visitor), "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
  });
  return { status: response.status, redirect: redirectTarget(response), response };
}

/** x-action-redirect is "<url>;push" (or ";replace"); the URL may be absolute or a path. */
export function redirectTarget(response: HttpResponse): string | null {
  const header = response.headers["x-action-redirect"];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  return value.replace(/;(push|replace)$/, "");
}

/** The path and query of a URL the app produced (absolute with its APP_URL, or relative). */
export function pathOf(url: string): string {
  const u = new URL(url, "http://localhost");
  return u.pathname + u.search;
}

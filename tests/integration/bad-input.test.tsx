import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { prerender } from "react-dom/static";
import { sessions, users } from "@/db/schema";
import { errorStatus, type ActionResult } from "@/lib/errors";
import { controlFlowStatus } from "@/lib/metrics/control-flow-status";
import { MAX_JSON_BODY_BYTES } from "@/lib/api/respond";
import { bookingWorld } from "../support/booking-fixture";
import { tableDigests } from "../support/db-fingerprint";

// Every server action and every route handler (the Stripe webhook has its own signed-payload
// tests) is sent input no page of ours sends: the wrong types, strings, null, an object where a
// form is expected, bodies in the wrong content type or too large. Each must answer with a 4xx
// (or Next's own redirect / not-found), never a failure on our side, and change nothing stored.
// Only next/headers is replaced: the test plays the browser's cookie jar.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => (await import("../support/browser-headers")).browserHeaders(jar, { host: "localhost:3999", "x-forwarded-for": "198.51.100.77" }),
  cookies: async () => (await import("../support/browser-headers")).jarCookies(jar),
}));

type Module = Record<string, unknown>;
type Callable = (...args: unknown[]) => Promise<unknown>;
// Found by path, so an action or route added later is covered without being listed here.
const actionModules = import.meta.glob<Module>(["/app/**/*actions.ts", "/app/**/*-action.ts"], { eager: true });
const routeModules = import.meta.glob<Module>(["/app/**/route.ts", "!/app/api/webhooks/stripe/route.ts"], { eager: true });
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

const actions = Object.entries(actionModules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, value]) => typeof value === "function")
    .map(([name, fn]) => ({ key: `${file}#${name}`, fn: fn as Callable })),
);
const routes = Object.entries(routeModules).flatMap(([file, mod]) =>
  HTTP_METHODS.filter((m) => typeof mod[m] === "function").map((method) => ({ file, method, fn: mod[method] as Callable })),
);

let world: Awaited<ReturnType<typeof bookingWorld>>;
let tokens: Record<"customer" | "admin", string>;
let showId: string;

async function userWithSession(email: string, role: "customer" | "admin") {
  const [user] = await world.db.insert(users).values({ email, role }).returning();
  const sessionToken = crypto.randomUUID();
  // Fresh, as Auth.js writes it at sign-in: an older session would (rightly) be slid forward on read.
  await world.db.insert(sessions).values({ sessionToken, userId: user.id, expires: new Date(Date.now() + 30 * 86_400_000) });
  return sessionToken;
}

type Who = "visitor" | "customer" | "admin";
function actAs(who: Who) {
  jar.clear();
  if (who !== "visitor") jar.set("authjs.session-token", tokens[who]);
}

/** A digest of every table, so "nothing changed" is checked for rows no one thought of. */
const dbFingerprint = () => tableDigests(world.db);

function formWith(fields: Record<string, string | File>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

/** Inputs no form of ours sends; each field any action reads has the wrong type or shape. */
const malformedInputs: [string, () => unknown][] = [
  ["null", () => null],
  ["a string", () => "showId=1&seatIds=2"],
  ["a number", () => 42],
  ["an array", () => [{ showId: 1 }]],
  ["undefined", () => undefined],
  [
    "an object with the wrong types",
    () => ({ showId: 5, seatIds: "A1", orderId: [], email: {}, redirectTo: 7, provider: 1, sessionId: null, outcome: 3, code: {}, id: 1, title: [], theaterId: 1, movieId: 1, screenId: 1, seats: "all", archived: "maybe" }),
  ],
  [
    "form data with malformed fields",
    () =>
      formWith({
        showId: "not-a-show",
        seatIds: "A1,A2",
        orderId: "../orders",
        email: "not an email",
        redirectTo: new File(["x"], "x.txt"),
        provider: "evil",
        sessionId: "cs_local_nope",
        outcome: "steal",
        code: "",
        id: "nope",
        title: "",
      }),
  ],
];

type Outcome = { status: number; how: string };

/** What the caller would get: the result's status, or the status of Next's control flow thrown. */
async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = (await run()) as ActionResult<unknown> | undefined;
    if (result && typeof result === "object" && "ok" in result && result.ok === false) return { status: errorStatus[result.code], how: `${result.code}: ${result.message}` };
    return { status: 200, how: "answered" };
  } catch (err) {
    const status = controlFlowStatus(err);
    return status === null ? { status: 500, how: `threw ${String(err)}` } : { status, how: "next control flow" };
  }
}

beforeAll(async () => {
  world = await bookingWorld();
  tokens = { customer: await userWithSession("fan@example.com", "customer"), admin: await userWithSession("boss@example.com", "admin") };
  showId = (await world.aShow()).show.id;
});
afterAll(async () => {
  jar.clear();
  await world?.close();
});
beforeEach(() => jar.clear());

describe("server actions answer malformed input with a 4xx and change nothing", () => {
  it("finds the actions", () => {
    expect(actions.length).toBeGreaterThanOrEqual(20);
    expect(actions.map((a) => a.key)).toEqual(expect.arrayContaining(["/app/(site)/sign-in/actions.ts#requestMagicLink", "/app/(site)/sign-out/actions.ts#signOutAction"]));
  });

  for (const who of ["visitor", "customer", "admin"] as const) {
    it(`as a ${who}`, async () => {
      for (const { key, fn } of actions) {
        for (const [label, input] of malformedInputs) {
          const before = await dbFingerprint();
          actAs(who);
          const outcome = await outcomeOf(() => fn(input()));
          // A useActionState action gets (previousState, formData): the input is the last argument.
          const asFormState = await outcomeOf(() => fn(undefined, input()));
          jar.clear();
          expect(outcome.status, `${key} given ${label}: ${outcome.how}`).toBeLessThan(500);
          expect(asFormState.status, `${key} given (state, ${label}): ${asFormState.how}`).toBeLessThan(500);
          expect(await dbFingerprint(), `${key} given ${label}`).toEqual(before);
        }
      }
    });
  }

  it("requestMagicLink and signOutAction take an object where a form is expected", async () => {
    const { requestMagicLink } = (await import("@/app/(site)/sign-in/actions")) as unknown as Record<string, Callable>;
    const { signOutAction } = (await import("@/app/(site)/sign-out/actions")) as unknown as Record<string, Callable>;
    expect(await outcomeOf(() => requestMagicLink(undefined, { email: 12 }))).toMatchObject({ status: 400 });
    expect(await outcomeOf(() => requestMagicLink(undefined, { email: "not an email" }))).toMatchObject({ status: 400 });
    expect(await outcomeOf(() => signOutAction({ redirectTo: ["/"] }))).toMatchObject({ status: 200 });
  });
});

// Values for the routes' path parameters: malformed, and well-formed but naming nothing.
const paramSets: Record<string, Record<string, string | string[]>> = {
  malformed: { showId: "not-a-show", orderId: "../../etc/passwd", file: "../../package.json", id: "nope", index: "-1", nextauth: ["signin", "email"] },
  unknown: { showId: crypto.randomUUID(), orderId: crypto.randomUUID(), file: `${crypto.randomUUID()}-0123456789abcdef.png`, id: crypto.randomUUID(), index: "0", nextauth: ["signin", "email"] },
};

function urlFor(file: string, params: Record<string, string | string[]>): string {
  const pattern = file.replace(/^\/app/, "").replace(/\/route\.ts$/, "").replace(/\/\([^)]+\)/g, "");
  const path = pattern.replace(/\[\.\.\.(\w+)\]/g, (_, name: string) => ([] as string[]).concat(params[name]).join("/")).replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(String(params[name])));
  return `http://localhost:3999${path}?from=yesterday&to[]=1&date=31-02-2026&movie=${"x".repeat(300)}&order=nope`;
}

const big = JSON.stringify({ seatIds: Array.from({ length: 2000 }, () => crypto.randomUUID()) });
const bodies: [string, Record<string, string>, BodyInit | undefined][] = [
  ["text/plain", { "content-type": "text/plain" }, "seatIds=1"],
  ["form-encoded", { "content-type": "application/x-www-form-urlencoded" }, "seatIds=1&seatIds=2"],
  ["no content type", {}, "stream"],
  ["broken JSON", { "content-type": "application/json" }, "{seatIds:"],
  ["a JSON string", { "content-type": "application/json" }, '"seatIds"'],
  ["JSON null", { "content-type": "application/json" }, "null"],
  ["JSON of the wrong types", { "content-type": "application/json" }, JSON.stringify({ seatIds: "A1", showId: 5 })],
  ["an oversize JSON body", { "content-type": "application/json" }, big],
  ["a multipart form without its file", { "content-type": "multipart/form-data; boundary=x" }, "--x\r\nContent-Disposition: form-data; name=\"poster\"\r\n\r\nnot a file\r\n--x--\r\n"],
];

function requestsFor(file: string, method: string): [string, () => [NextRequest, { params: Promise<Record<string, string | string[]>> }]][] {
  const out: [string, () => [NextRequest, { params: Promise<Record<string, string | string[]>> }]][] = [];
  for (const [setName, params] of Object.entries(paramSets)) {
    const ctx = () => ({ params: Promise.resolve(params) });
    if (method === "GET" || method === "DELETE") {
      out.push([`${setName} params`, () => [new NextRequest(urlFor(file, params), { method, headers: { authorization: "Bearer wrong" } }), ctx()]]);
      continue;
    }
    for (const [label, headers, body] of bodies) {
      // A stream is read once: each request gets its own (a stream has no Content-Type of its own).
      const fresh = () => (body === "stream" ? new Blob(['{"seatIds":[]}']).stream() : body);
      out.push([`${setName} params, ${label}`, () => [new NextRequest(urlFor(file, params), { method, headers, body: fresh(), duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]), ctx()]]);
    }
  }
  return out;
}

describe("route handlers answer malformed requests with a 4xx and change nothing", () => {
  it("finds the routes, the Stripe webhook aside", () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes.map((r) => r.file)).not.toContain("/app/api/webhooks/stripe/route.ts");
  });

  for (const who of ["visitor", "customer", "admin"] as const) {
    it(`as a ${who}`, async () => {
      for (const { file, method, fn } of routes) {
        for (const [label, request] of requestsFor(file, method)) {
          const before = await dbFingerprint();
          actAs(who);
          const res = (await fn(...request())) as Response;
          jar.clear();
          expect(res.status, `${method} ${file} with ${label}`).toBeLessThan(500);
          expect(await dbFingerprint(), `${method} ${file} with ${label}`).toEqual(before);
        }
      }
    });
  }

  it("the JSON API refuses a body that is not JSON with 415, and one too large with 413", async () => {
    const hold = (await import("@/app/api/v1/shows/[showId]/hold/route")).POST;
    const release = (await import("@/app/api/v1/shows/[showId]/release/route")).POST;
    const ctx = () => ({ params: Promise.resolve({ showId }) });
    const post = (headers: Record<string, string>, body: BodyInit) =>
      new Request(`http://localhost:3999/api/v1/shows/${showId}/hold`, { method: "POST", headers, body, duplex: "half" } as RequestInit);
    actAs("customer");
    for (const route of [hold, release]) {
      for (const [headers, body] of [
        [{ "content-type": "text/plain" }, JSON.stringify({ seatIds: [] })],
        [{ "content-type": "application/x-www-form-urlencoded" }, "seatIds=1"],
        [{}, new Blob([JSON.stringify({ seatIds: [] })]).stream()],
      ] as [Record<string, string>, BodyInit][]) {
        const res = await route(post(headers, body), ctx());
        expect(res.status).toBe(415);
        expect(await res.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
      }
      const declared = await route(post({ "content-type": "application/json" }, big), ctx());
      expect(declared.status).toBe(413);
      expect(await declared.json()).toMatchObject({ error: { code: "payload_too_large" } });
      // Streamed without a Content-Length: counted as it arrives.
      const streamed = await route(post({ "content-type": "application/json" }, new Blob([big]).stream()), ctx());
      expect(streamed.status).toBe(413);
    }
    expect(big.length).toBeGreaterThan(MAX_JSON_BODY_BYTES);
  });
});

describe("?error= on the showtime page is a code, never text", () => {
  it("shows the page's words for a code checkout sends, and nothing for text or an unknown code", async () => {
    const { default: ShowPage } = await import("@/app/(site)/shows/[showId]/page");
    const html = async (error: string) => {
      const page = await ShowPage({ params: Promise.resolve({ showId }), searchParams: Promise.resolve({ error }) });
      const { prelude } = await prerender(page);
      return (await new Response(prelude).text()).replace(/<!-- -->/g, "");
    };
    expect(await html("gone")).toContain("Your seats are no longer held");
    const phished = await html("Your card was declined. Call 555-0100 to pay by phone");
    expect(phished).not.toContain("555-0100");
    expect(phished).not.toContain("Your seats are no longer held");
    expect(await html("__proto__")).not.toContain("__proto__");
  });
});

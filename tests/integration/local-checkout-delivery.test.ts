import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { and, asc, eq, gt } from "drizzle-orm";
import { screens, shows, seats, users } from "@/db/schema";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { configuredAppUrl } from "@/lib/app-url";
import { resetEnvForTests } from "@/lib/env";
import { localGateway } from "@/lib/payments/local-gateway";
import { setSeatLocksForTests } from "@/lib/seat-locks";
import { createTestDatabase } from "../support/test-db";

// Found: the local checkout posted its signed webhook to whatever host the request named (the
// origin was read from X-Forwarded-Host), a server-side request to an attacker's host and port.
// Here the Pay button is pressed by a request that names another listening server in Host and
// X-Forwarded-*; the signed event must reach this server's own configured address, and only it.
type Seen = { method: string; url: string; signature: string | undefined; body: string };

function listener(seen: Seen[]): Promise<Server> {
  const server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, signature: req.headers["stripe-signature"] as string | undefined, body });
      res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const own: Seen[] = [];
const attacker: Seen[] = [];
let ownServer: Server;
let attackerServer: Server;
let attackerHost = "";

vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ host: attackerHost, "x-forwarded-host": attackerHost, "x-forwarded-proto": "http", "x-forwarded-port": attackerHost.split(":")[1] ?? "" }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));

const { settleLocalCheckout } = await import("@/app/(site)/checkout/local/[sessionId]/actions");

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const saved = { ...process.env };

beforeAll(async () => {
  [ownServer, attackerServer] = await Promise.all([listener(own), listener(attacker)]);
  const ownPort = (ownServer.address() as AddressInfo).port;
  attackerHost = `localhost:${(attackerServer.address() as AddressInfo).port}`;
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  Object.assign(process.env, {
    PORT: String(ownPort),
    APP_URL: `http://localhost:${ownPort}`,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "marquee-")),
  });
  resetEnvForTests();
  setSeatLocksForTests(undefined);
  database = await createTestDatabase({ seed: true });
});
afterAll(async () => {
  await database?.close();
  await Promise.all([ownServer, attackerServer].map((s) => new Promise((r) => s?.close(r))));
  process.env = saved;
  resetEnvForTests();
});

async function localCheckout(row: string) {
  const db = database.db;
  const [{ show }] = await db
    .select({ show: shows })
    .from(shows)
    .innerJoin(screens, eq(screens.id, shows.screenId))
    .where(and(eq(screens.name, "Screen 1"), gt(shows.startsAt, new Date(Date.now() + 3 * 3600_000))))
    .orderBy(asc(shows.startsAt))
    .limit(1);
  const [seat] = await db.select().from(seats).where(and(eq(seats.screenId, show.screenId), eq(seats.rowLabel, row), eq(seats.number, 1)));
  const [user] = await db.insert(users).values({ email: `payer-${crypto.randomUUID().slice(0, 6)}@example.com` }).returning();
  const holder = crypto.randomUUID().replace(/-/g, "");
  await holdSeats(db, { showId: show.id, seatIds: [seat.id] }, holder);
  const { orderId, url } = await startCheckout(db, show.id, { holder, userId: user.id, email: user.email! }, configuredAppUrl());
  const sessionId = /cs_local_[0-9a-f]{24}/.exec(url)![0];
  return { orderId, sessionId };
}

/** Presses a button of the local checkout page; where it sent the browser (Next's redirect() throws). */
async function press(sessionId: string, outcome: "pay" | "cancel") {
  const form = new FormData();
  form.set("sessionId", sessionId);
  form.set("outcome", outcome);
  return settleLocalCheckout(form).then(
    () => null,
    (err: unknown) => (err as { digest?: string }).digest?.split(";")[2],
  );
}

describe(`local checkout delivery (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("posts the signed event to this server's configured address, never to the host the request named", async () => {
    const { sessionId } = await localCheckout("E");
    expect(await press(sessionId, "pay")).toBe(`http://localhost:${(ownServer.address() as AddressInfo).port}/checkout/success?session_id=${sessionId}`);
    expect(attacker).toEqual([]);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ method: "POST", url: "/api/webhooks/stripe" });
    const event = Stripe.webhooks.constructEvent(own[0].body, own[0].signature!, localGateway.webhookSecret());
    expect(event).toMatchObject({ type: "checkout.session.completed", data: { object: { id: sessionId } } });
  });

  it("sends Cancel to the cancel page on the configured origin", async () => {
    const { orderId, sessionId } = await localCheckout("F");
    expect(await press(sessionId, "cancel")).toBe(`${configuredAppUrl()}/checkout/cancel?order=${orderId}`);
    expect(attacker).toEqual([]);
  });
});

import type { Db } from "./db/client";

// Runs once when a server instance starts: opens (migrates, seeds) the database up front so the
// first customer does not wait for it, and so a broken setting fails start-up loudly.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: rate limits know a client by the socket it came in on.
  const { recordPeerAddresses } = await import("./lib/rate-limit/peer-address");
  recordPeerAddresses();
  // An on-sale's waiting line: a guest's join and polls are answered before they reach Next.
  const { openFrontDoor } = await import("./lib/booking/line-front-door");
  openFrontDoor();
  const { env } = await import("./lib/env");
  env();
  const { getDatabase } = await import("./db/client");
  // The demo's past month, sold through the order code once the database is open (db/seed-sales.ts).
  if (env().SEED_DEMO) await (await import("./db/seed-sales")).seedSales((await getDatabase()).db, new Date());
  await offerFirstRunSetup((await getDatabase()).db);
  // Mail queued before a restart goes out without waiting for the next booking to kick the outbox.
  const { startOutboxWorker, kickOutbox } = await import("./lib/email/kick");
  startOutboxWorker();
  void kickOutbox();
  // Webhook events acknowledged but not finished (an exception, an instance that died after the
  // 2xx) are taken up again by every instance's event worker.
  const { startPaymentEventWorker } = await import("./lib/booking/payment-events");
  startPaymentEventWorker(async () => (await getDatabase()).db);
  // The safety net for webhooks that never came, once a minute in long-running servers.
  const { reconcileOrders } = await import("./lib/booking/reconcile");
  const { log } = await import("./lib/log");
  setInterval(async () => {
    try {
      await reconcileOrders((await getDatabase()).db);
    } catch (err) {
      log.warn({ err }, "order reconciliation failed");
    }
  }, 60_000).unref();
  // Seats that came back without an event (a hold that ran out by TTL) reach the waitlist
  // through this sweep (lib/booking/waitlist/offer-seats.ts), on every instance.
  const { sweepWaitlists } = await import("./lib/booking/waitlist/offer-seats");
  setInterval(async () => {
    try {
      await sweepWaitlists((await getDatabase()).db);
    } catch (err) {
      log.warn({ err }, "waitlist sweep failed");
    }
  }, env().WAITLIST_SWEEP_SECONDS * 1000).unref();
}

/** On an empty database: a one-time setup token, printed here for whoever deployed the server. */
async function offerFirstRunSetup(db: Db) {
  const { issueSetupToken } = await import("./lib/setup/setup-token");
  const { configuredAppUrl } = await import("./lib/app-url");
  const token = await issueSetupToken(db);
  // Printed as plain text, not through the log's scrubbing: this line exists to show the token.
  if (token) console.log(`\nMarquee has no theater yet. Set it up at ${configuredAppUrl()}/setup with this one-time setup token:\n\n    ${token}\n\n(or run \`npm run setup\` on the server)\n`);
}

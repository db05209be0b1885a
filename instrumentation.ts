// Runs once when a server instance starts: opens (migrates, seeds) the database up front so the
// first customer does not wait for it, and so a broken setting fails start-up loudly.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: rate limits know a client by the socket it came in on.
  const { recordPeerAddresses } = await import("./lib/rate-limit/peer-address");
  recordPeerAddresses();
  const { env } = await import("./lib/env");
  env();
  const { getDatabase } = await import("./db/client");
  await getDatabase();
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
}

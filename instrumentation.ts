// Runs once when a server instance starts: opens (migrates, seeds) the database up front so the
// first customer does not wait for it, and so a broken setting fails start-up loudly.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  env();
  const { getDatabase } = await import("./db/client");
  await getDatabase();
  // Mail queued before a restart goes out without waiting for the next booking to kick the outbox.
  const { startOutboxWorker, kickOutbox } = await import("./lib/email/kick");
  startOutboxWorker();
  void kickOutbox();
}

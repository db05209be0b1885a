import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { deliverDueEmails } from "./outbox";

// How emails leave the outbox:
// - kickOutbox() right after a caller commits an enqueue: in the normal case the email goes out
//   within the same request's lifetime (callers do not await it; `next start` keeps running).
// - a timer, started lazily in the server process, runs every 30 s and picks up retries whose
//   backoff has passed and anything a crashed instance left behind. It is unref'd so it never
//   keeps a process alive, and it is not started under NODE_ENV=test, where each test drives
//   deliverDueEmails itself against a database that is closed after the file.
// Several instances may kick and tick at once: deliverDueEmails claims rows with SKIP LOCKED.

const INTERVAL_MS = 30_000;
const BATCH = 20;

let running: Promise<void> | undefined;
let again = false;
let timer: ReturnType<typeof setInterval> | undefined;

async function drain() {
  try {
    do {
      again = false;
      // A full batch suggests more are due; keep going until a short one.
      let report;
      do report = await deliverDueEmails({ limit: BATCH });
      while (report.claimed === BATCH);
    } while (again);
  } catch (err) {
    log.error({ err }, "email outbox delivery run failed");
  } finally {
    // Cleared in the same tick as the last `again` check, so no kick can slip between them.
    running = undefined;
  }
}

/** Delivers due emails in the background. Never throws; the promise is there for tests to await. */
export function kickOutbox(): Promise<void> {
  try {
    startOutboxWorker();
  } catch (err) {
    log.error({ err }, "email outbox timer could not start");
  }
  if (running) {
    // A run is under way: it may have selected its rows before this email was queued.
    again = true;
    return running;
  }
  const run = drain();
  running = run;
  return run;
}

/** Starts the periodic retry timer once per process (also safe to call from instrumentation). */
export function startOutboxWorker() {
  if (timer || env().NODE_ENV === "test") return;
  timer = setInterval(() => void kickOutbox(), INTERVAL_MS);
  timer.unref();
}

export function stopOutboxWorker() {
  if (timer) clearInterval(timer);
  timer = undefined;
}

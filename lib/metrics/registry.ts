import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { collectEmailOutbox, collectOrdersByStatus } from "./db-gauges";

// One registry per process, on globalThis: Next loads this module once per bundle (route
// handlers, actions, instrumentation), and a counter bumped in one copy must show in the scrape
// served by another. Counters are per process; Prometheus sums them across instances. The
// *_by_status and outbox gauges are read from the database on each scrape, so they are already
// totals for the whole deployment (take max, not sum, across instances).

function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    holdsTaken: new Counter({ name: "holds_taken_total", help: "Seat holds granted (one per successful hold request).", registers }),
    holdsRefused: new Counter({
      name: "holds_refused_total",
      help: "Seat hold requests refused, by reason (conflict, seat_limit, rate_limited, bad_input, ...).",
      labelNames: ["reason"] as const,
      registers,
    }),
    checkoutsStarted: new Counter({ name: "checkouts_started_total", help: "Checkout sessions opened.", registers }),
    orders: new Counter({
      name: "orders_total",
      help: "Orders reaching a final state in this process, by status (paid, expired, cancelled, refunded).",
      labelNames: ["status"] as const,
      registers,
    }),
    seatConflicts: new Counter({ name: "seat_conflicts_total", help: "Paid orders refunded because a seat was sold to someone else.", registers }),
    webhookEvents: new Counter({
      name: "webhook_events_total",
      help: "Stripe webhook deliveries, by event type and outcome.",
      labelNames: ["type", "outcome"] as const,
      registers,
    }),
    emailsSent: new Counter({ name: "emails_sent_total", help: "Emails the provider accepted.", registers }),
    emailsFailed: new Counter({ name: "emails_failed_total", help: "Email delivery attempts that failed (retried or given up).", registers }),
    ordersByStatus: new Gauge({
      name: "orders_by_status",
      help: "Orders in the database, by status (read on scrape: the same for every instance).",
      labelNames: ["status"] as const,
      registers,
      collect() {
        return collectOrdersByStatus(this);
      },
    }),
    outboxDepth: new Gauge({
      name: "email_outbox_depth",
      help: "Emails waiting in the outbox (pending rows, read on scrape).",
      registers,
      collect() {
        return collectEmailOutbox(this, "pending");
      },
    }),
    outboxFailed: new Gauge({
      name: "email_outbox_failed",
      help: "Emails the outbox gave up on (failed rows, read on scrape).",
      registers,
      collect() {
        return collectEmailOutbox(this, "failed");
      },
    }),
    requestDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer route handlers and server actions, by route, method and status.",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof build>;

const SLOT = Symbol.for("marquee.metrics");
const shared = globalThis as typeof globalThis & { [SLOT]?: Metrics };

/** The process's metrics, created on first use. */
export function metrics(): Metrics {
  return (shared[SLOT] ??= build());
}

/** Drops every metric so a test starts from zero. */
export function resetMetricsForTests(): void {
  shared[SLOT]?.registry.clear();
  shared[SLOT] = undefined;
}

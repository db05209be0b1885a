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
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) => new Counter<L>({ name, help, labelNames, registers });
  // Read from the database on each scrape, so every instance reports the same deployment total.
  const dbGauge = <L extends string>(name: string, help: string, collect: (g: Gauge<L>) => Promise<void>, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers, collect() { return collect(this); } });
  return {
    registry,
    holdsTaken: counter("holds_taken_total", "Seat holds granted (one per successful hold request)."),
    holdsRefused: counter("holds_refused_total", "Seat hold requests refused, by reason (conflict, seat_limit, rate_limited, bad_input, ...).", ["reason"] as const),
    checkoutsStarted: counter("checkouts_started_total", "Checkout sessions opened."),
    waitlistOffers: counter("waitlist_offers_total", "Blocks of seats held and offered to a waiting party."),
    orderAdjustments: counter("order_adjustments_total", "Swaps and partial cancellations of paid orders, by kind and outcome.", ["kind", "outcome"] as const),
    orders: counter("orders_total", "Orders reaching a final state in this process, by status (paid, expired, cancelled, refunded).", ["status"] as const),
    seatConflicts: counter("seat_conflicts_total", "Paid orders refunded because a seat was sold to someone else."),
    webhookEvents: counter("webhook_events_total", "Stripe webhook deliveries, by event type and outcome.", ["type", "outcome"] as const),
    emailsSent: counter("emails_sent_total", "Emails the provider accepted."),
    emailsFailed: counter("emails_failed_total", "Email delivery attempts that failed (retried or given up)."),
    ordersByStatus: dbGauge("orders_by_status", "Orders in the database, by status (read on scrape: the same for every instance).", collectOrdersByStatus, ["status"] as const),
    outboxDepth: dbGauge("email_outbox_depth", "Emails waiting in the outbox (pending rows, read on scrape).", (g) => collectEmailOutbox(g, "pending")),
    outboxFailed: dbGauge("email_outbox_failed", "Emails the outbox gave up on (failed rows, read on scrape).", (g) => collectEmailOutbox(g, "failed")),
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

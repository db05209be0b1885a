import "server-only";
import type { Gauge } from "prom-client";
import { getDb } from "@/db/client";
import { outboxCount } from "@/db/queries/email-outbox";
import { orderCountsByStatus } from "@/db/queries/orders";
import { orderStatus } from "@/db/schema";
import { log } from "@/lib/log";

// Read from the database on each scrape. A scrape must still answer when the database does
// not: the gauge keeps its last value and the failure is logged (the health check reports it).

export async function collectOrdersByStatus(gauge: Gauge<"status">): Promise<void> {
  try {
    const found = await orderCountsByStatus(await getDb());
    // Every status, zeros included, so a query can divide by a series that always exists.
    for (const status of orderStatus.enumValues) gauge.set({ status }, found.get(status) ?? 0);
  } catch (err) {
    log.warn({ err }, "metrics: could not count orders");
  }
}

export async function collectEmailOutbox(gauge: Gauge, status: "pending" | "failed"): Promise<void> {
  try {
    gauge.set(await outboxCount(await getDb(), status));
  } catch (err) {
    log.warn({ err, status }, "metrics: could not count the email outbox");
  }
}

import "server-only";
import { count, eq } from "drizzle-orm";
import type { Gauge } from "prom-client";
import { getDb } from "@/db/client";
import { emailOutbox, orderStatus, orders } from "@/db/schema";
import { log } from "@/lib/log";

// Read from the database on each scrape. A scrape must still answer when the database does
// not: the gauge keeps its last value and the failure is logged (the health check reports it).

export async function collectOrdersByStatus(gauge: Gauge<"status">): Promise<void> {
  try {
    const db = await getDb();
    const rows = await db.select({ status: orders.status, n: count() }).from(orders).groupBy(orders.status);
    const found = new Map(rows.map((r) => [r.status, Number(r.n)]));
    // Every status, zeros included, so a query can divide by a series that always exists.
    for (const status of orderStatus.enumValues) gauge.set({ status }, found.get(status) ?? 0);
  } catch (err) {
    log.warn({ err }, "metrics: could not count orders");
  }
}

export async function collectEmailOutbox(gauge: Gauge, status: "pending" | "failed"): Promise<void> {
  try {
    const db = await getDb();
    const [row] = await db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, status));
    gauge.set(Number(row?.n ?? 0));
  } catch (err) {
    log.warn({ err, status }, "metrics: could not count the email outbox");
  }
}

import "server-only";
import type { ActionResult } from "@/lib/errors";
import { metrics } from "./registry";

// One-line hooks for the places where the state machine moves, so the call sites stay small.

/** Counts a hold action's answer: granted, or refused with why. */
export function countHoldOutcome(result: ActionResult<unknown>): void {
  if (result.ok) {
    metrics().holdsTaken.inc();
    return;
  }
  // The per-order seat limit is a bad_input that carries the limit; other bad_inputs are forms.
  const reason = result.code === "bad_input" && result.details?.limit !== undefined ? "seat_limit" : result.code;
  metrics().holdsRefused.inc({ reason });
}

/** Counts what fulfil() did to an order: paid, or refunded over a seat conflict. */
export function countFulfilment(outcome: string): void {
  if (outcome === "paid") metrics().orders.inc({ status: "paid" });
  if (outcome === "seat_conflict") {
    metrics().orders.inc({ status: "refunded" });
    metrics().seatConflicts.inc();
  }
}

export function countOrderStatus(status: "paid" | "expired" | "cancelled" | "refunded"): void {
  metrics().orders.inc({ status });
}

export function countWebhookEvent(type: string, outcome: string): void {
  metrics().webhookEvents.inc({ type, outcome });
}

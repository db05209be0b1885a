import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { uniqueViolation } from "@/db/client";
import { orderAdjustments, orderSeats, orders, shows, tickets, type AdjustmentLine } from "@/db/schema";
import { adjustmentById } from "@/db/queries/adjustments";
import { recordAudit } from "@/lib/audit/record-audit";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { getSeatLocks } from "@/lib/seat-locks";
import { settleAdjustmentMoney } from "../adjustment-money";
import { afterOrderPaid } from "../notify";
import { markSeatsSold, unmarkSeatsSold } from "../show-facts";
import { offerFreedSeatsSafely } from "../waitlist/offer-seats";

export type SwapOutcome = "completed" | "already_completed" | "seat_conflict" | "order_changed" | "show_cancelled" | "already_failed" | "not_found";

/**
 * Completes a swap (issue 21), idempotently: a redelivered webhook, the success page, the event
 * worker and a double click may all call it at once. ONE transaction, under the swap's and the
 * order's row locks: the new tickets go in under the unique live-seat index (Postgres is the final
 * guard: a seat sold to someone else meanwhile fails the swap, never both), the old tickets are
 * voided, the order's lines become the new show's lines and its total the new lines' sum. Either
 * all of it commits or none: there is never a moment with two sets, or with none.
 * A swap that cannot be honoured leaves the original booking untouched, releases the new seats,
 * and returns a paid difference. After commit: the new seats' locks go, a cheaper show's
 * difference is refunded, one email with the new PDF replaces the old, the old seats are offered
 * to that show's waitlist.
 */
export async function completeSwap(db: Db, swapId: string, paymentIntentId: string | null, now = new Date()): Promise<SwapOutcome> {
  const outcome = await db.transaction(async (tx): Promise<SwapOutcome> => {
    const [swap] = await tx.select().from(orderAdjustments).where(eq(orderAdjustments.id, swapId)).for("update");
    if (!swap || swap.kind !== "swap") return "not_found";
    if (swap.status === "completed") return "already_completed";
    const paid = { stripePaymentIntentId: paymentIntentId ?? swap.stripePaymentIntentId };
    // failed before: already settled. expired/cancelled while the customer was still paying: the
    // money came in, so it is honoured below when it still can be (as fulfil does for orders).
    if (swap.status === "failed") return "already_failed";
    const fail = async (reason: Exclude<SwapOutcome, "completed" | "already_completed" | "already_failed" | "not_found">) => {
      await tx.update(orderAdjustments).set({ status: "failed", failReason: reason, ...paid }).where(eq(orderAdjustments.id, swapId));
      return reason;
    };
    const [order] = await tx.select().from(orders).where(eq(orders.id, swap.orderId)).for("update");
    if (!order || order.status !== "paid" || order.showId !== swap.fromShowId) return fail("order_changed");
    const [show] = await tx.select({ status: shows.status }).from(shows).where(eq(shows.id, swap.toShowId)).for("share");
    if (!show || show.status === "cancelled") return fail("show_cancelled");
    // The booking must still be the one quoted: the same live lines.
    const live = await tx.select().from(orderSeats).where(eq(orderSeats.orderId, order.id));
    const liveIds = live.filter((l) => !l.cancelledAt).map((l) => l.seatId).sort();
    if (liveIds.join() !== swap.oldLines.map((l) => l.seatId).sort().join()) return fail("order_changed");
    const usedAtDoor = await tx.select({ id: tickets.id }).from(tickets).where(and(eq(tickets.orderId, order.id), eq(tickets.status, "admitted"))).limit(1);
    if (usedAtDoor.length) return fail("order_changed");

    await tx
      .update(tickets)
      .set({ status: "voided", voidedAt: now })
      .where(and(eq(tickets.orderId, order.id), ne(tickets.status, "voided")));
    try {
      await tx.transaction(async (sp) => {
        await sp.insert(tickets).values(swap.newLines.map((l) => ({ orderId: order.id, showId: swap.toShowId, seatId: l.seatId })));
      });
    } catch (err) {
      if (uniqueViolation(err) !== "tickets_live_seat_unique") throw err;
      // The savepoint rolled back the insert only; undo the voiding too by failing the whole swap.
      throw new SeatTaken();
    }
    await tx.delete(orderSeats).where(eq(orderSeats.orderId, order.id));
    await tx.insert(orderSeats).values(swap.newLines.map((l) => ({ orderId: order.id, ...l })));
    await tx
      .update(orders)
      .set({
        showId: swap.toShowId,
        holderId: swap.holderId ?? order.holderId,
        totalAmount: order.totalAmount - sumOf(swap.oldLines) + sumOf(swap.newLines),
        taxAmount: order.taxAmount - sumOf(swap.oldLines, "tax") + sumOf(swap.newLines, "tax"),
        discountAmount: order.discountAmount - sumOf(swap.oldLines, "discount") + sumOf(swap.newLines, "discount"),
      })
      .where(eq(orders.id, order.id));
    await tx.update(orderAdjustments).set({ status: "completed", completedAt: now, ...paid }).where(eq(orderAdjustments.id, swapId));
    await recordAudit(tx, { id: order.userId ?? "customer", email: order.email }, "order.swap", { type: "order", id: order.id }, {
      swapId,
      fromShowId: swap.fromShowId,
      toShowId: swap.toShowId,
      seats: swap.newLines.length,
      difference: swap.difference,
    });
    return "completed";
  }).catch(async (err) => {
    if (!(err instanceof SeatTaken)) throw err;
    await db
      .update(orderAdjustments)
      .set({ status: "failed", failReason: "seat_conflict", ...(paymentIntentId ? { stripePaymentIntentId: paymentIntentId } : {}) })
      .where(and(eq(orderAdjustments.id, swapId), ne(orderAdjustments.status, "completed")));
    return "seat_conflict" as const;
  });
  if (outcome !== "not_found" && outcome !== "already_completed" && outcome !== "already_failed") metrics().orderAdjustments.inc({ kind: "swap", outcome });
  await afterSwap(db, swapId, outcome);
  return outcome;
}

class SeatTaken extends Error {}

// Order-level amounts stay where they are: only the lines move (line-amounts.ts's rule).
const sumOf = (lines: AdjustmentLine[], key: "amount" | "tax" | "discount" = "amount") => lines.reduce((s, l) => s + (l[key] ?? 0), 0);

/** After commit, and again on a repeat call (it finishes what a crash may have left). */
async function afterSwap(db: Db, swapId: string, outcome: SwapOutcome) {
  const swap = await adjustmentById(db, swapId);
  if (!swap) return;
  const newSeats = swap.newLines.map((l) => l.seatId);
  if (swap.holderId) {
    await getSeatLocks()
      .release(swap.toShowId, newSeats, swap.holderId)
      .catch((err) => log.warn({ err, swapId }, "could not release a swap's locks; they expire by themselves"));
  }
  await settleAdjustmentMoney(db, swapId);
  if (swap.status === "completed") {
    await afterOrderPaid(db, swap.orderId, swapId);
    if (outcome === "completed") {
      log.info({ swapId, orderId: swap.orderId }, "swap completed");
      // The hold's view of both shows (issue 22's show facts) follows the tickets.
      await markSeatsSold(swap.toShowId, newSeats);
      await unmarkSeatsSold(swap.fromShowId, swap.oldLines.map((l) => l.seatId));
      await offerFreedSeatsSafely(db, swap.fromShowId);
    }
  } else if (outcome !== "already_failed") {
    log.warn({ swapId, reason: outcome }, "swap could not be completed; the booking is unchanged");
    await offerFreedSeatsSafely(db, swap.toShowId);
  }
}

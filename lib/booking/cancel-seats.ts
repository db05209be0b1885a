import "server-only";
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { orderAdjustments, orderSeats, orders, tickets } from "@/db/schema";
import { orderDetail } from "@/db/queries/orders";
import { theaterOfOrder } from "@/db/queries/theater-scope";
import type { AdminActor } from "@/lib/auth/session-user";
import { recordAudit } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { offerFreedSeatsSafely } from "./waitlist/offer-seats";
import { settleAdjustmentMoney } from "./adjustment-money";
import { cancellationDeadline } from "./cancel-booking";
import { lineAmounts } from "./line-amounts";
import { afterSeatsCancelled } from "./notify";
import { unmarkSeatsSold } from "./show-facts";
import { refundOrder } from "./refund-order";
import { seatLabel } from "./seat-label";

/**
 * Staff refunding some seats at the box office (issue 23): no cut-off, and the audit row names the
 * staff member. Tickets already admitted at the door may be refunded only with a reason (as a full
 * refund: refund-booking.ts), which goes to the audit row with how many were admitted.
 */
export type CancelSeatsOptions = { staff?: { actor: AdminActor; reason?: string } };

export type CancelSeatsResult = { result: "cancelled"; refunded: number; adjustmentId: string } | { result: "refunded" | "already_refunded" } | { result: "already_cancelled" };

/**
 * A customer cancels some seats of their paid booking before the cut-off (issue 21). In one
 * transaction, under the order's row lock: those seats' tickets are voided (back on sale), their
 * lines marked cancelled, the order's total lowered by exactly those lines (line-amounts.ts), and
 * an adjustment recorded. Then the refund of that amount to the original payment, the email, and
 * the waitlist. The other tickets keep their codes. Cancelling every remaining seat is the whole
 * booking's cancellation. A repeat (double click) finds the lines cancelled and changes nothing.
 * Policy (docs/decisions.md): a line's all-in amount (price, per-ticket fee, tax, discount) comes
 * back; an order-level fee stays until the last seat goes.
 */
export async function cancelSeats(db: Db, input: { orderId: string; seatIds: string[] }, now = new Date(), options: CancelSeatsOptions = {}): Promise<CancelSeatsResult> {
  const staff = options.staff ? { actor: options.staff.actor, reason: options.staff.reason?.trim() || undefined } : undefined;
  const detail = await orderDetail(db, input.orderId);
  if (!detail) throw new AppError("not_found", "That booking does not exist.");
  if (detail.order.status === "refunded") return { result: "already_refunded" };
  if (detail.order.status !== "paid") throw new AppError("conflict", "Only a paid booking can be changed.");
  if (!staff && now > cancellationDeadline(detail.show.startsAt)) {
    throw new AppError("conflict", `Seats can be cancelled until ${env().CANCELLATION_CUTOFF_MINUTES} minutes before the show. Please ask at the box office.`);
  }
  const wanted = [...new Set(input.seatIds)];
  const live = new Set(detail.seats.map((s) => s.seatId));
  if (wanted.some((id) => !live.has(id))) {
    // Every one of them already cancelled: a repeat of the same request.
    const all = await db.select({ seatId: orderSeats.seatId }).from(orderSeats).where(eq(orderSeats.orderId, input.orderId));
    const known = new Set(all.map((s) => s.seatId));
    if (wanted.every((id) => known.has(id) && !live.has(id))) return { result: "already_cancelled" };
    throw new AppError("bad_input", "Some of those seats are not in this booking.");
  }
  const theaterId = staff ? await theaterOfOrder(db, input.orderId) : null;
  if (staff) {
    // Checked before any change so that a missing reason changes nothing; re-checked under the lock.
    const admitted = await admittedAmong(db, input.orderId, wanted);
    if (admitted > 0 && !staff.reason) throw new AppError("conflict", admittedNeedsReason(admitted));
    if (wanted.length === live.size) {
      // Every remaining seat: the whole booking's refund, audited as the full refund is.
      const result = await refundOrder(db, input.orderId, "admin");
      await recordAudit(db, staff.actor, "order.refund", { type: "order", id: input.orderId, theaterId }, {
        result,
        reference: detail.order.reference,
        ...(admitted > 0 ? { admitted } : {}),
        ...(staff.reason ? { reason: staff.reason } : {}),
      });
      return { result };
    }
  }
  if (wanted.length === live.size) return { result: await refundOrder(db, input.orderId, "customer_cancelled") };

  const outcome = await db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).for("update");
    if (order.status !== "paid") throw new AppError("conflict", "This booking changed meanwhile; reload to see it.");
    const lines = await tx
      .select()
      .from(orderSeats)
      .where(and(eq(orderSeats.orderId, order.id), inArray(orderSeats.seatId, wanted), isNull(orderSeats.cancelledAt)));
    if (lines.length !== wanted.length) return null; // a concurrent request cancelled them first
    const admitted = await admittedAmong(tx, order.id, wanted);
    if (admitted && !staff) throw new AppError("conflict", "A ticket that was already used at the door cannot be cancelled.");
    if (admitted && !staff?.reason) throw new AppError("conflict", admittedNeedsReason(admitted));
    const amount = lineAmounts(lines, wanted);
    await tx
      .update(tickets)
      .set({ status: "voided", voidedAt: now })
      .where(and(eq(tickets.orderId, order.id), inArray(tickets.seatId, wanted), ne(tickets.status, "voided")));
    await tx.update(orderSeats).set({ cancelledAt: now }).where(and(eq(orderSeats.orderId, order.id), inArray(orderSeats.seatId, wanted)));
    // The order's tax and discount follow its lines (issue 18's breakdown), as its total does.
    const part = (key: "tax" | "discount") => lines.reduce((sum, l) => sum + l[key], 0);
    await tx
      .update(orders)
      .set({ totalAmount: order.totalAmount - amount, taxAmount: order.taxAmount - part("tax"), discountAmount: order.discountAmount - part("discount") })
      .where(eq(orders.id, order.id));
    const [adj] = await tx
      .insert(orderAdjustments)
      .values({
        orderId: order.id,
        kind: "partial_cancel",
        status: "completed",
        fromShowId: order.showId,
        toShowId: order.showId,
        oldLines: lines.map((l) => ({ seatId: l.seatId, rowLabel: l.rowLabel, seatNumber: l.seatNumber, tier: l.tier, amount: l.amount })),
        newLines: [],
        difference: -amount,
        completedAt: now,
      })
      .returning();
    const actor = staff?.actor ?? { id: order.userId ?? "customer", email: order.email };
    await recordAudit(tx, actor, "order.cancel_seats", { type: "order", id: order.id, theaterId }, {
      adjustmentId: adj.id,
      reference: order.reference,
      seats: [...lines].sort((a, b) => a.rowLabel.localeCompare(b.rowLabel) || a.seatNumber - b.seatNumber).map((l) => seatLabel(l.rowLabel, l.seatNumber)),
      refund: amount,
      currency: order.currency,
      ...(staff ? { by: "staff" } : {}),
      ...(admitted ? { admitted } : {}),
      ...(staff?.reason ? { reason: staff.reason } : {}),
    });
    return { adj, lines, amount, showId: order.showId };
  });
  if (!outcome) return { result: "already_cancelled" };
  await unmarkSeatsSold(outcome.showId, outcome.lines.map((l) => l.seatId));
  await settleAdjustmentMoney(db, outcome.adj.id);
  await afterSeatsCancelled(db, input.orderId, {
    id: outcome.adj.id,
    seats: outcome.lines.map((l) => seatLabel(l.rowLabel, l.seatNumber)),
    amount: outcome.amount,
    byStaff: !!staff,
  });
  await offerFreedSeatsSafely(db, outcome.showId);
  return { result: "cancelled", refunded: outcome.amount, adjustmentId: outcome.adj.id };
}

/** How many of these seats' tickets were already admitted at the door. */
async function admittedAmong(db: Db | Tx, orderId: string, seatIds: string[]): Promise<number> {
  const rows = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.orderId, orderId), inArray(tickets.seatId, seatIds), eq(tickets.status, "admitted")));
  return rows.length;
}

function admittedNeedsReason(admitted: number): string {
  return `${admitted === 1 ? "1 of these tickets was" : `${admitted} of these tickets were`} already admitted at the door. Give a reason to refund ${admitted === 1 ? "it" : "them"} anyway. Nothing was refunded.`;
}

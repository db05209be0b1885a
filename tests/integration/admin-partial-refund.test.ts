import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import postgres from "postgres";
import { runChecks } from "@/db/invariants";
import { auditLog, emailOutbox, orderAdjustments, orderSeats, orders, tickets } from "@/db/schema";
import { orderDetail } from "@/db/queries/orders";
import { partialRefundInputSchema } from "@/lib/admin/booking-input";
import { describeAuditEntry } from "@/lib/audit/describe-entry";
import { formatBookingReference } from "@/lib/booking-reference";
import { sellAtBoxOffice } from "@/lib/booking/box-office-sale";
import { cancelSeats } from "@/lib/booking/cancel-seats";
import { holdSeats } from "@/lib/booking/holds";
import { admitBooking, doorShow } from "@/lib/tickets/check-in";
import { bookingWorld } from "../support/booking-fixture";

// Issue 23: staff refund some seats of a paid booking through the customer's partial-cancel
// path (cancelSeats with a staff actor). Real Postgres and Redis when DATABASE_URL / REDIS_URL
// are set, PGlite and the memory store otherwise; Stripe is the fake.

let world: Awaited<ReturnType<typeof bookingWorld>>;
let sql: postgres.Sql | null = null;
beforeAll(async () => {
  world = await bookingWorld();
  if (world.databaseUrl) sql = postgres(world.databaseUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await world?.close();
});

const orderNow = async (id: string) => (await world.db.select().from(orders).where(eq(orders.id, id)))[0];
const ticketsOf = (orderId: string) => world.db.select().from(tickets).where(eq(tickets.orderId, orderId));
const liveTickets = (orderId: string) => world.db.select().from(tickets).where(and(eq(tickets.orderId, orderId), ne(tickets.status, "voided")));
const linesOf = (orderId: string) => world.db.select().from(orderSeats).where(eq(orderSeats.orderId, orderId));
const refundsOf = (pi: string) => [...world.stripe.refunds.values()].filter((r) => r.payment_intent === pi);
const auditOf = (orderId: string, action: string) => world.db.select().from(auditLog).where(and(eq(auditLog.targetId, orderId), eq(auditLog.action, action)));
async function expectInvariants() {
  if (sql) expect((await runChecks(sql)).violations).toEqual([]);
}

describe("staff refund some seats of a booking", () => {
  it("refunds exactly the chosen lines to the payment; the other tickets keep their codes; after the customer cut-off too; audited by name", async () => {
    const { show, seat } = await world.aShow(0);
    const staff = await world.admin(`till-${crypto.randomUUID().slice(0, 6)}@example.com`);
    const chosen = [seat("C", 1).id, seat("C", 2).id];
    const { orderId } = await world.buy(show.id, [...chosen, seat("C", 3).id]);
    const lines = await linesOf(orderId);
    const expected = lines.filter((l) => chosen.includes(l.seatId)).reduce((s, l) => s + l.amount, 0);
    const before = await orderNow(orderId);
    const kept = (await liveTickets(orderId)).filter((t) => t.seatId === seat("C", 3).id);

    // The show has started: the customer could no longer cancel, staff still can.
    const late = new Date(show.startsAt.getTime() + 60_000);
    await expect(cancelSeats(world.db, { orderId, seatIds: chosen }, late)).rejects.toMatchObject({ code: "conflict" });
    const outcome = await cancelSeats(world.db, { orderId, seatIds: chosen }, late, { staff: { actor: staff } });
    expect(outcome).toMatchObject({ result: "cancelled", refunded: expected });
    expect(refundsOf(before.stripePaymentIntentId!).map((r) => r.amount)).toEqual([expected]);
    expect(await orderNow(orderId)).toMatchObject({ status: "paid", totalAmount: before.totalAmount - expected });
    // A ticket's code is signed from its id: the same ticket row, still valid, is the same code.
    expect((await liveTickets(orderId)).map((t) => [t.id, t.status])).toEqual(kept.map((t) => [t.id, "valid"]));
    const [entry] = await auditOf(orderId, "order.cancel_seats");
    expect(entry).toMatchObject({ actorId: staff.id, actorEmail: staff.email, details: expect.objectContaining({ by: "staff", refund: expected, seats: expect.any(Array) }) });
    expect(entry.theaterId).not.toBeNull();
    // The customer is told the box office cancelled them, refunded to the card they paid with.
    const emails = await world.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `seats-cancelled:${orderId}:${(outcome as { adjustmentId: string }).adjustmentId}`));
    expect(emails).toHaveLength(1);
    expect(String(emails[0].payload.text)).toContain("box office cancelled these seats of your booking");
    expect(String(emails[0].payload.text)).toContain("to your original payment method");
    await expectInvariants();
  });

  it("asks for a reason when a chosen ticket was admitted (nothing changes without one), and records it with the count", async () => {
    const { show, seat } = await world.aShow(1);
    const staff = await world.admin(`door-${crypto.randomUUID().slice(0, 6)}@example.com`);
    const seatIds = [seat("D", 1).id, seat("D", 2).id, seat("D", 3).id];
    const { orderId } = await world.buy(show.id, seatIds);
    const door = (await doorShow(world.db, show.id))!;
    const first = (await ticketsOf(orderId)).find((t) => t.seatId === seatIds[0])!;
    await admitBooking(world.db, door, orderId, [first.id], staff);
    const before = await orderNow(orderId);

    await expect(cancelSeats(world.db, { orderId, seatIds: [seatIds[0], seatIds[1]] }, new Date(), { staff: { actor: staff, reason: "   " } })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("1 of these tickets was already admitted"),
    });
    expect(await orderNow(orderId)).toEqual(before);
    expect(refundsOf(before.stripePaymentIntentId!)).toEqual([]);
    expect(await liveTickets(orderId)).toHaveLength(3);

    const outcome = await cancelSeats(world.db, { orderId, seatIds: [seatIds[0], seatIds[1]] }, new Date(), { staff: { actor: staff, reason: "Fire alarm, left after ten minutes" } });
    expect(outcome).toMatchObject({ result: "cancelled" });
    expect((await liveTickets(orderId)).map((t) => t.seatId)).toEqual([seatIds[2]]);
    const [entry] = await auditOf(orderId, "order.cancel_seats");
    expect(entry.details).toMatchObject({ admitted: 1, reason: "Fire alarm, left after ten minutes" });
    expect(describeAuditEntry(entry, { timeZone: "America/New_York", currency: "usd" })).toMatch(
      new RegExp(`^Refunded 2 seats \\(Row D, seat 1; Row D, seat 2\\) of booking ${formatBookingReference(before.reference)}: \\$[\\d.]+ back with 1 ticket already admitted\\. Reason: “Fire alarm, left after ten minutes”$`),
    );
    await expectInvariants();
  });

  it("refuses another order's seats and changes nothing", async () => {
    const { show, seat } = await world.aShow(2);
    const staff = await world.admin(`other-${crypto.randomUUID().slice(0, 6)}@example.com`);
    const mine = await world.buy(show.id, [seat("E", 1).id, seat("E", 2).id]);
    const theirs = await world.buy(show.id, [seat("E", 5).id, seat("E", 6).id]);
    const snapshot = async () => [await orderNow(mine.orderId), await orderNow(theirs.orderId), await ticketsOf(mine.orderId), await ticketsOf(theirs.orderId), await linesOf(mine.orderId)];
    const before = await snapshot();
    const adjustmentsBefore = await world.db.select().from(orderAdjustments).where(eq(orderAdjustments.orderId, mine.orderId));
    await expect(cancelSeats(world.db, { orderId: mine.orderId, seatIds: [seat("E", 5).id] }, new Date(), { staff: { actor: staff, reason: "x" } })).rejects.toMatchObject({ code: "bad_input" });
    expect(await snapshot()).toEqual(before);
    expect(await world.db.select().from(orderAdjustments).where(eq(orderAdjustments.orderId, mine.orderId))).toEqual(adjustmentsBefore);
    expect(await auditOf(mine.orderId, "order.cancel_seats")).toEqual([]);
  });

  it("a box office order's partial refund is money back at the counter: no Stripe call", async () => {
    const { show, seat } = await world.aShow(3);
    const staff = await world.admin(`counter-${crypto.randomUUID().slice(0, 6)}@example.com`);
    const counter = crypto.randomUUID().replace(/-/g, "");
    const seatIds = [seat("F", 1).id, seat("F", 2).id, seat("F", 3).id];
    await holdSeats(world.db, { showId: show.id, seatIds }, counter);
    const { orderId } = await sellAtBoxOffice(world.db, staff, counter, { showId: show.id, method: "cash", email: "" });
    const before = await orderNow(orderId);
    const line = (await linesOf(orderId)).find((l) => l.seatId === seatIds[1])!;
    const stripeCalls = world.stripe.requests.length;

    const outcome = await cancelSeats(world.db, { orderId, seatIds: [seatIds[1]] }, new Date(), { staff: { actor: staff } });
    expect(outcome).toMatchObject({ result: "cancelled", refunded: line.amount });
    expect(world.stripe.requests.length).toBe(stripeCalls);
    // Sold without an address: nobody to email.
    expect(await world.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, ""))).toEqual([]);
    const [adj] = await world.db.select().from(orderAdjustments).where(eq(orderAdjustments.orderId, orderId));
    expect(adj).toMatchObject({ kind: "partial_cancel", difference: -line.amount, stripeRefundId: "counter:cash" });
    expect(await orderNow(orderId)).toMatchObject({ status: "paid", totalAmount: before.totalAmount - line.amount, stripeRefundId: null });
    expect((await orderDetail(world.db, orderId))!.seats.map((s) => s.seatId)).toEqual([seatIds[0], seatIds[2]]);
    await expectInvariants();

    // The rest: the whole booking's refund, at the counter too, audited as a full refund.
    expect(await cancelSeats(world.db, { orderId, seatIds: [seatIds[0], seatIds[2]] }, new Date(), { staff: { actor: staff } })).toEqual({ result: "refunded" });
    expect(world.stripe.requests.length).toBe(stripeCalls);
    expect(await orderNow(orderId)).toMatchObject({ status: "refunded", refundedAt: expect.any(Date) });
    expect(await auditOf(orderId, "order.refund")).toMatchObject([{ actorId: staff.id, details: expect.objectContaining({ result: "refunded" }) }]);
    await expectInvariants();
  });

  it("takes the chosen seats from a form as a list or a single value", () => {
    const orderId = crypto.randomUUID();
    expect(partialRefundInputSchema.parse({ orderId, seatIds: "s1" }).seatIds).toEqual(["s1"]);
    expect(partialRefundInputSchema.parse({ orderId, seatIds: ["s1", "s2"], reason: " " })).toEqual({ orderId, seatIds: ["s1", "s2"], reason: undefined });
    const none = partialRefundInputSchema.safeParse({ orderId, seatIds: [] });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0].message).toBe("Choose the seats to refund.");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { orderSeats, orders, tickets } from "@/db/schema";
import { bookingForAdmin } from "@/db/queries/admin-booking-detail";
import { ticketsOfOrder } from "@/db/queries/admin-bookings";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { refundOrder } from "@/lib/booking/refund-order";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { orderDetail } from "@/db/queries/orders";
import { canViewOrder } from "@/lib/booking/order-access";
import { ticketsWithCodes } from "@/lib/booking/ticket-bundle";
import { doorCounts } from "@/db/queries/tickets";
import { admitTicket, doorShow } from "@/lib/tickets/check-in";
import { signTicketCode } from "@/lib/tickets/code";
import { AppError } from "@/lib/errors";
import { bookingWorld } from "../support/booking-fixture";

let world: Awaited<ReturnType<typeof bookingWorld>>;
beforeAll(async () => {
  world = await bookingWorld();
});
afterAll(async () => {
  await world?.close();
});

const at = async (showId: string) => (await doorShow(world.db, showId))!;

async function paidOrder(rowSeats: [string, number][], offset = 0) {
  const { show, seat } = await world.aShow(offset);
  const customer = await world.customer("door");
  await holdSeats(world.db, { showId: show.id, seatIds: rowSeats.map(([r, n]) => seat(r, n).id) }, customer.holder);
  const { orderId } = await startCheckout(world.db, show.id, customer, "http://localhost:3999");
  const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
  world.stripe.complete(order.stripeSessionId!);
  expect(await syncOrderWithSession(world.db, order.stripeSessionId!)).toBe("paid");
  const detail = (await orderDetail(world.db, orderId))!;
  return { show, customer, detail, codes: ticketsWithCodes(detail).map((t) => t.code) };
}

describe("door check-in", () => {
  it("admits a ticket once, even when two doors scan it at the same moment", async () => {
    const { show, codes } = await paidOrder([["B", 3]]);
    const results = await Promise.all([admitTicket(world.db, codes[0], await at(show.id), null), admitTicket(world.db, codes[0], await at(show.id), null)]);
    expect(results.map((r) => r.result).sort()).toEqual(["admitted", "already_admitted"]);
    const admitted = results.find((r) => r.result === "admitted")!;
    expect(admitted).toMatchObject({ row: "B", seatNumber: 3 });
    const third = await admitTicket(world.db, codes[0], await at(show.id), null);
    expect(third.result).toBe("already_admitted");
    expect(await doorCounts(world.db, show.id)).toMatchObject({ admitted: 1 });
  });

  it("refuses forged, altered, foreign-show and refunded tickets", async () => {
    const { show, codes, detail } = await paidOrder([["B", 9], ["B", 10]]);
    // One character changed inside the signed payload (not the last one, whose spare bits a
    // strict decoder rejects as malformed instead). Codes are read regardless of case, so the
    // change must differ in more than case: "x" for "X" would be the same code.
    const altered = codes[0].slice(0, 20) + (codes[0][20].toUpperCase() === "A" ? "B" : "A") + codes[0].slice(21);
    expect(await admitTicket(world.db, altered, await at(show.id), null)).toMatchObject({ result: "invalid", reason: "bad_signature" });
    expect(await admitTicket(world.db, "hello", await at(show.id), null)).toMatchObject({ result: "invalid", reason: "malformed" });
    // Signed with another key: someone who guessed the format but not the secret.
    const forged = signTicketCode(detail.tickets[0].id, "not-the-server-secret-0123456789abcdef");
    expect(await admitTicket(world.db, forged, await at(show.id), null)).toMatchObject({ result: "invalid", reason: "bad_signature" });
    // A well-signed code for a ticket that does not exist.
    const ghost = signTicketCode(crypto.randomUUID(), process.env.TICKET_SIGNING_SECRET!);
    expect(await admitTicket(world.db, ghost, await at(show.id), null)).toMatchObject({ result: "invalid", reason: "unknown_ticket" });
    const other = await world.aShow(2);
    expect(await admitTicket(world.db, codes[0], await at(other.show.id), null)).toMatchObject({ result: "wrong_show" });

    await refundOrder(world.db, detail.order.id, "admin");
    expect(await admitTicket(world.db, codes[1], await at(show.id), null)).toMatchObject({ result: "refunded", row: "B" });
    const rows = await world.db.select().from(tickets).where(eq(tickets.orderId, detail.order.id));
    expect(rows.every((t) => t.status === "voided" && t.admittedAt === null)).toBe(true);
  });
});

describe("who may see a booking", () => {
  it("only the customer who booked it, or an admin", async () => {
    const { detail, customer } = await paidOrder([["C", 4]]);
    expect(canViewOrder({ id: customer.userId, role: "customer" }, detail)).toBe(true);
    expect(canViewOrder({ id: crypto.randomUUID(), role: "customer" }, detail)).toBe(false);
    expect(canViewOrder({ id: crypto.randomUUID(), role: "admin" }, detail)).toBe(true);
    expect(canViewOrder(null, detail)).toBe(false);
  });
});

describe("customer cancellation", () => {
  it("refunds, voids the tickets and puts the seats back on sale before the cut-off", async () => {
    const { detail, show, codes } = await paidOrder([["D", 3], ["D", 4]]);
    expect(await cancelBooking(world.db, detail.order.id)).toBe("refunded");
    const [order] = await world.db.select().from(orders).where(eq(orders.id, detail.order.id));
    expect(order).toMatchObject({ status: "refunded", refundReason: "customer_cancelled" });
    expect(order.stripeRefundId).toMatch(/^re_/);
    expect((await admitTicket(world.db, codes[0], await at(show.id), null)).result).toBe("refunded");
    const next = await world.customer("next");
    const held = await holdSeats(world.db, { showId: show.id, seatIds: detail.seats.map((s) => s.seatId) }, next.holder);
    expect(held.mine).toHaveLength(2);
  });

  it("is refused after the cut-off, with nothing changed", async () => {
    const { detail } = await paidOrder([["E", 3]]);
    const lateNow = new Date(detail.show.startsAt.getTime() - 30 * 60_000);
    let error: unknown;
    try {
      await cancelBooking(world.db, detail.order.id, lateNow);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain("60 minutes before the show");
    const [order] = await world.db.select().from(orders).where(eq(orders.id, detail.order.id));
    expect(order.status).toBe("paid");
  });
});

describe("seat order in a big house", () => {
  it("lists row B before row AA on the order, its tickets and the box office's view", async () => {
    const { detail } = await paidOrder([["E", 2], ["E", 1], ["F", 1]], 4);
    // The rows of a house with more than 26 of them: renamed on the order's own seat rows,
    // which is what pages, emails and tickets print.
    const label = new Map([["E", "AA"], ["F", "B"]]);
    for (const s of detail.seats) {
      await world.db
        .update(orderSeats)
        .set({ rowLabel: label.get(s.rowLabel)! })
        .where(and(eq(orderSeats.orderId, s.orderId), eq(orderSeats.seatId, s.seatId)));
    }
    const again = (await orderDetail(world.db, detail.order.id))!;
    const expected = ["B1", "AA1", "AA2"];
    expect(again.seats.map((s) => `${s.rowLabel}${s.seatNumber}`)).toEqual(expected);
    expect(ticketsWithCodes(again).map((t) => `${t.seat.rowLabel}${t.seat.seatNumber}`)).toEqual(expected);
    const boxOffice = (await bookingForAdmin(world.db, detail.order.id))!;
    expect(boxOffice.seats.map((s) => `${s.rowLabel}${s.seatNumber}`)).toEqual(expected);
    expect((await ticketsOfOrder(world.db, detail.order.id)).map((t) => `${t.rowLabel}${t.seatNumber}`)).toEqual(expected);
  });
});

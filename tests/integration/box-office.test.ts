import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, emailOutbox, houseSeats, orders, theaters, tickets } from "@/db/schema";
import { paidOrdersIn } from "@/db/queries/admin-dashboard";
import { orderDetail } from "@/db/queries/orders";
import type { AdminActor } from "@/lib/auth/session-user";
import { exportOrdersCsv } from "@/lib/admin/export-orders";
import { revenueByChannel } from "@/lib/admin/dashboard-report";
import { sellAtBoxOffice } from "@/lib/booking/box-office-sale";
import { holdSeats } from "@/lib/booking/holds";
import { releaseHouseSeats, reserveHouseSeats } from "@/lib/booking/house-seats";
import { refundBooking } from "@/lib/booking/refund-booking";
import { seatSnapshot } from "@/lib/booking/seat-snapshot";
import { startCheckout } from "@/lib/booking/start-checkout";
import { ticketsWithCodes } from "@/lib/booking/ticket-bundle";
import { admitTicket, doorShow } from "@/lib/tickets/check-in";
import { getSeatLocks } from "@/lib/seat-locks";
import { bookingWorld } from "../support/booking-fixture";
import { refusal } from "../support/refusal";

// The box office counter on the real lifecycle: Postgres (or PGlite), the configured lock store,
// the Stripe fake only to prove no call is made.

let world: Awaited<ReturnType<typeof bookingWorld>>;
let staff: AdminActor;
const counter = () => crypto.randomUUID().replace(/-/g, "");

beforeAll(async () => {
  world = await bookingWorld();
  staff = await world.admin(`counter-${crypto.randomUUID().slice(0, 6)}@example.com`);
});
afterAll(async () => {
  await world?.close();
});

describe("a box office sale", () => {
  it("sells the counter's held seats for cash: one paid box_office order, tickets issued, no Stripe call, audited, scannable at the door", async () => {
    const { show, seat } = await world.aShow();
    const holder = counter();
    const seatIds = [seat("D", 5).id, seat("D", 6).id];
    await holdSeats(world.db, { showId: show.id, seatIds }, holder);
    const stripeCalls = world.stripe.requests.length;

    const sale = await sellAtBoxOffice(world.db, staff, holder, { showId: show.id, method: "cash", email: "" });
    expect(sale).toMatchObject({ method: "cash", emailed: false });
    expect(sale.seats).toHaveLength(2);

    const [order] = await world.db.select().from(orders).where(eq(orders.id, sale.orderId));
    expect(order).toMatchObject({ status: "paid", channel: "box_office", paymentMethod: "cash", soldBy: staff.id, stripeSessionId: null, email: "" });
    // Priced like online checkout: the show's price of each seat's tier.
    expect(order.totalAmount).toBe(show.prices[seat("D", 5).tier] + show.prices[seat("D", 6).tier]);
    expect(sale.total).toBe(order.totalAmount);
    const issued = await world.db.select().from(tickets).where(eq(tickets.orderId, order.id));
    expect(issued.map((t) => t.seatId).sort()).toEqual([...seatIds].sort());
    expect(world.stripe.requests.length).toBe(stripeCalls);
    // The locks went with the sale; the seats show sold to everyone.
    expect(await getSeatLocks().heldBy(show.id, holder)).toEqual([]);
    const states = (await seatSnapshot(world.db, show.id, null)).states;
    expect(seatIds.map((id) => states[id])).toEqual(["sold", "sold"]);
    // No address, no email (and reconcile does not keep trying to send one).
    expect(await world.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `booking-confirmed:${order.id}`))).toEqual([]);

    const [audit] = await world.db.select().from(auditLog).where(and(eq(auditLog.action, "box_office.sale"), eq(auditLog.targetId, order.id)));
    expect(audit).toMatchObject({ actorId: staff.id, actorEmail: staff.email });
    expect(audit.details).toMatchObject({ method: "cash", total: sale.total });

    // Its tickets scan at the door like any other.
    const [first] = ticketsWithCodes((await orderDetail(world.db, order.id))!);
    const door = (await doorShow(world.db, show.id))!;
    expect(await admitTicket(world.db, first.code, door, staff)).toMatchObject({ result: "admitted" });
    expect(await admitTicket(world.db, first.code, door, staff)).toMatchObject({ result: "already_admitted" });
  });

  it("records a card terminal payment and emails the tickets when the customer gives an address", async () => {
    const { show, seat } = await world.aShow();
    const holder = counter();
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("E", 3).id] }, holder);
    const sale = await sellAtBoxOffice(world.db, staff, holder, { showId: show.id, method: "card_terminal", email: "walk-in@example.com" });
    const [order] = await world.db.select().from(orders).where(eq(orders.id, sale.orderId));
    expect(order).toMatchObject({ status: "paid", paymentMethod: "card_terminal", email: "walk-in@example.com" });
    const [mail] = await world.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `booking-confirmed:${order.id}`));
    expect(mail.toAddress).toBe("walk-in@example.com");
  });

  it("refuses a seat someone else holds, a sold seat and a house seat, changing nothing", async () => {
    const { show, seat } = await world.aShow();
    const customer = await world.customer("online");
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("F", 1).id] }, customer.holder);
    const holder = counter();
    expect(await refusal(holdSeats(world.db, { showId: show.id, seatIds: [seat("F", 1).id] }, holder))).toMatchObject({ code: "conflict" });
    // Nothing held at this counter: nothing to sell.
    expect(await refusal(sellAtBoxOffice(world.db, staff, holder, { showId: show.id, method: "cash", email: "" }))).toMatchObject({ code: "gone" });

    await world.buy(show.id, [seat("F", 11).id, seat("F", 12).id]);
    expect(await refusal(holdSeats(world.db, { showId: show.id, seatIds: [seat("F", 12).id] }, holder))).toMatchObject({ code: "conflict" });

    // A seat this counter holds that another counter keeps for the house meanwhile (its row written
    // directly: the race the sale's own check is there for).
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("F", 6).id] }, holder);
    await world.db.insert(houseSeats).values({ showId: show.id, seatId: seat("F", 6).id, reservedBy: staff.id });
    const before = await world.db.select().from(orders).where(eq(orders.showId, show.id));
    expect(await refusal(sellAtBoxOffice(world.db, staff, holder, { showId: show.id, method: "cash", email: "" }))).toMatchObject({ code: "conflict" });
    expect(await world.db.select().from(orders).where(eq(orders.showId, show.id))).toEqual(before);
  });

  it("a refund of a cash sale voids the tickets and records the money back, with no Stripe call", async () => {
    const { show, seat } = await world.aShow();
    const holder = counter();
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("G", 4).id] }, holder);
    const sale = await sellAtBoxOffice(world.db, staff, holder, { showId: show.id, method: "cash", email: "" });
    const stripeCalls = world.stripe.requests.length;

    expect(await refundBooking(staff, { orderId: sale.orderId })).toEqual({ result: "refunded" });
    const [order] = await world.db.select().from(orders).where(eq(orders.id, sale.orderId));
    expect(order).toMatchObject({ status: "refunded", refundReason: "admin", paymentMethod: "cash", stripeRefundId: null });
    expect(order.refundedAt).toBeInstanceOf(Date);
    expect(world.stripe.requests.length).toBe(stripeCalls);
    const issued = await world.db.select().from(tickets).where(eq(tickets.orderId, order.id));
    expect(issued.every((t) => t.status === "voided")).toBe(true);
    expect((await seatSnapshot(world.db, show.id, null)).states[seat("G", 4).id]).toBeUndefined();
  });

  it("shows in the dashboard and the CSV under its channel, with method and staff", async () => {
    const { show, seat } = await world.aShow(1);
    const holder = counter();
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("H", 1).id] }, holder);
    const sale = await sellAtBoxOffice(world.db, staff, holder, { showId: show.id, method: "cash", email: "" });
    const online = await world.buy(show.id, [seat("H", 12).id]);

    const lastMinute = { from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) };
    const rows = await paidOrdersIn(world.db, (await world.db.select().from(theaters)).map((t) => ({ theaterId: t.id, ...lastMinute })));
    const channels = revenueByChannel(rows);
    expect(channels.map((c) => c.channel)).toEqual(["online", "box_office"]);
    expect(channels.find((c) => c.channel === "box_office")!.orders).toBeGreaterThanOrEqual(1);
    expect(rows.find((r) => r.amount === sale.total && r.channel === "box_office")).toBeTruthy();

    const text = await new Response((await exportOrdersCsv(staff, {})).stream).text();
    const lines = text.trim().split("\r\n");
    expect(lines.find((l) => l.startsWith(sale.orderId))).toContain(`,paid,,box_office,cash,${staff.email},,`);
    expect(lines.find((l) => l.startsWith(online.orderId))).toContain(`,paid,,online,online,,${online.email},`);
  });
});

describe("house seats", () => {
  it("are kept from the counter's holds, unavailable online (map, hold, checkout), and back on sale when released", async () => {
    const { show, seat } = await world.aShow();
    const holder = counter();
    const kept = [seat("I", 1).id, seat("I", 2).id];
    await holdSeats(world.db, { showId: show.id, seatIds: kept }, holder);
    expect(await reserveHouseSeats(world.db, staff, holder, { showId: show.id, note: "Press" })).toEqual({ kept: 2 });
    expect(await getSeatLocks().heldBy(show.id, holder)).toEqual([]);

    const customer = await world.customer("fan");
    expect((await seatSnapshot(world.db, show.id, customer.holder)).states[kept[0]]).toBe("sold");
    expect(await refusal(holdSeats(world.db, { showId: show.id, seatIds: [kept[0]] }, customer.holder))).toMatchObject({ code: "conflict" });
    // Nor sold at the counter.
    expect(await refusal(holdSeats(world.db, { showId: show.id, seatIds: [kept[1]] }, counter()))).toMatchObject({ code: "conflict" });

    // A customer whose hold came through in the moment before the seat was kept is stopped at checkout.
    const late = await world.customer("late");
    await holdSeats(world.db, { showId: show.id, seatIds: [seat("I", 5).id] }, late.holder);
    await world.db.insert(houseSeats).values({ showId: show.id, seatId: seat("I", 5).id, reservedBy: staff.id });
    expect(await refusal(startCheckout(world.db, show.id, late, "http://localhost:3999"))).toMatchObject({ code: "conflict" });

    const [audit] = await world.db.select().from(auditLog).where(and(eq(auditLog.action, "house_seats.reserve"), eq(auditLog.targetId, show.id)));
    expect(audit.details).toMatchObject({ note: "Press" });

    expect(await releaseHouseSeats(world.db, staff, { showId: show.id, seatIds: kept })).toEqual({ released: 2 });
    expect(await refusal(releaseHouseSeats(world.db, staff, { showId: show.id, seatIds: kept }))).toMatchObject({ code: "not_found" });
    await holdSeats(world.db, { showId: show.id, seatIds: [kept[0]] }, customer.holder);
    expect((await seatSnapshot(world.db, show.id, customer.holder)).states[kept[0]]).toBe("mine");
  });

  it("refuses to keep seats the counter does not hold", async () => {
    const { show } = await world.aShow();
    expect(await refusal(reserveHouseSeats(world.db, staff, counter(), { showId: show.id, note: "" }))).toMatchObject({ code: "gone" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, orders, tickets, users } from "@/db/schema";
import { auditPage } from "@/db/queries/audit";
import { orderDetail } from "@/db/queries/orders";
import { doorCounts } from "@/db/queries/tickets";
import type { AdminActor } from "@/lib/auth/session-user";
import { describeAuditEntry } from "@/lib/audit/describe-entry";
import { formatBookingReference, newBookingReference, parseBookingReference, REFERENCE_ALPHABET } from "@/lib/booking-reference";
import { refundBooking } from "@/lib/booking/refund-booking";
import { ticketsWithCodes } from "@/lib/booking/ticket-bundle";
import { AppError } from "@/lib/errors";
import { admitBooking, admitTicket, doorShow, lookUpAtDoor, parseDoorQuery } from "@/lib/tickets/check-in";
import { signTicketCodeV1 } from "@/lib/tickets/code";
import { formatDay, formatTime, localDate } from "@/lib/time";
import { bookingWorld } from "../support/booking-fixture";

// The door (issue 23) on the real database: lookups by reference, seat and name; admitting one
// or all of a booking's tickets exactly once even from two devices at once; the booking
// reference; the refund that needs a reason once someone is in; the audit log in words.

let world: Awaited<ReturnType<typeof bookingWorld>>;
let staff: AdminActor;
beforeAll(async () => {
  world = await bookingWorld();
  staff = await world.admin(`door-${crypto.randomUUID().slice(0, 6)}@example.com`);
});
afterAll(async () => {
  await world?.close();
});

async function booking(seats: [string, number][], offset: number, name = "Ada Lovelace") {
  const { show, seat } = await world.aShow(offset);
  const { orderId, email } = await world.buy(show.id, seats.map(([r, n]) => seat(r, n).id));
  const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
  await world.db.update(users).set({ name }).where(eq(users.id, order.userId!));
  const door = (await doorShow(world.db, show.id))!;
  return { show, door, order, email };
}

describe("booking references", () => {
  it("are 8 characters from an alphabet without 0/O or 1/I, and distinct", () => {
    expect(REFERENCE_ALPHABET).toHaveLength(32);
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OI]/);
    const many = Array.from({ length: 20_000 }, newBookingReference);
    for (const r of many.slice(0, 500)) expect(r).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(new Set(many).size).toBe(many.length);
    // Every symbol turns up: the draw covers the alphabet, not a corner of it.
    expect(new Set(many.join("")).size).toBe(32);
  });

  it("read back however they are typed; anything else is not one", () => {
    expect(formatBookingReference("K7QF2M9P")).toBe("K7QF-2M9P");
    for (const typed of ["K7QF-2M9P", "k7qf2m9p", " k7qf 2m9p ", "K7QF-2m9p"]) expect(parseBookingReference(typed)).toBe("K7QF2M9P");
    for (const bad of ["K7QF-2M9", "K7QF-2M9PX", "K0QF-2M9P", "KIQF-2M9P", "K7QF_2M9P", ""]) expect(parseBookingReference(bad)).toBeNull();
  });

  it("are given to every order, unique in the database", async () => {
    const a = await booking([["B", 1]], 0);
    const b = await booking([["B", 2]], 0);
    expect(a.order.reference).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(a.order.reference).not.toBe(b.order.reference);
    await expect(world.db.update(orders).set({ reference: a.order.reference }).where(eq(orders.id, b.order.id))).rejects.toThrow();
  });
});

describe("door lookups", () => {
  it("understand a seat, a reference and customer words", () => {
    expect(parseDoorQuery("g12")).toEqual({ kind: "seat", row: "G", number: 12 });
    expect(parseDoorQuery("G 12")).toEqual({ kind: "seat", row: "G", number: 12 });
    expect(parseDoorQuery("k7qf-2m9p")).toEqual({ kind: "reference", reference: "K7QF2M9P" });
    expect(parseDoorQuery("lovelace")).toEqual({ kind: "customer", text: "lovelace" });
    expect(parseDoorQuery("x")).toBeNull();
  });

  it("find the show's booking by seat, reference, surname and email, and nothing of another show", async () => {
    const { door, order, email } = await booking([["G", 12], ["G", 11]], 1, `Grace Hopper${crypto.randomUUID().slice(0, 4)}`);
    const surname = (await world.db.select().from(users).where(eq(users.id, order.userId!)))[0].name!.split(" ")[1];
    for (const typed of ["g12", "G12", "g11", formatBookingReference(order.reference), order.reference.toLowerCase(), surname.toLowerCase(), email.slice(0, 12)]) {
      const found = (await lookUpAtDoor(world.db, door, typed))!;
      expect(found.bookings.map((b) => b.orderId), typed).toContain(order.id);
      const mine = found.bookings.find((b) => b.orderId === order.id)!;
      expect(mine).toMatchObject({ reference: formatBookingReference(order.reference), status: "paid" });
      expect(mine.tickets.map((t) => `${t.row}${t.seatNumber}`)).toEqual(["G11", "G12"]);
    }
    const elsewhere = (await doorShow(world.db, (await world.aShow(3)).show.id))!;
    expect((await lookUpAtDoor(world.db, elsewhere, formatBookingReference(order.reference)))!.bookings).toEqual([]);
    expect((await lookUpAtDoor(world.db, door, "h12"))!.bookings.map((b) => b.orderId)).not.toContain(order.id);
  });
});

describe("admitting at the door", () => {
  it("admits one ticket, then the rest, each once, with the times in the theater's zone, audited in words", async () => {
    const { door, order } = await booking([["C", 5], ["C", 6], ["C", 7]], 2);
    const detail = (await orderDetail(world.db, order.id))!;
    const first = await admitBooking(world.db, door, order.id, [detail.tickets[0].id], staff);
    expect(first!.admitted).toHaveLength(1);
    expect(first!.at).toMatch(/^\d{1,2}:\d{2} [AP]M$/);
    const rest = (await admitBooking(world.db, door, order.id, "all", staff))!;
    expect(rest.admitted).toHaveLength(2);
    expect(rest.alreadyAdmitted).toHaveLength(1);
    const again = (await admitBooking(world.db, door, order.id, "all", staff))!;
    expect(again.admitted).toEqual([]);
    expect(again.alreadyAdmitted).toHaveLength(3);
    expect(await doorCounts(world.db, door.showId)).toMatchObject({ admitted: 3 });

    const log = await auditPage(world.db, 1, { kind: "ticket", actor: staff.email, theaterId: door.theaterId });
    const sentences = log.rows.filter((r) => r.entry.targetId === order.id).map((r) => describeAuditEntry(r.entry, { timeZone: door.timeZone, currency: "usd" }));
    expect(sentences).toHaveLength(2);
    const when = `${formatDay(localDate(door.startsAt, door.timeZone))} ${formatTime(door.startsAt, door.timeZone)}`;
    expect(sentences).toContain(`Admitted 2 tickets of booking ${formatBookingReference(order.reference)} at the door (C6 and C7) · ${door.title}, ${when}`);
    expect(sentences.some((s) => s.startsWith(`Admitted 1 ticket of booking ${formatBookingReference(order.reference)} at the door`))).toBe(true);
    // Filtered on another theater or person, they are not there.
    expect((await auditPage(world.db, 1, { kind: "ticket", actor: "nobody@example.com" })).total).toBe(0);
    expect((await auditPage(world.db, 1, { theaterId: "no-such-theater" })).total).toBe(0);
  });

  it("admits each ticket once when two door devices admit the same booking at the same moment", async () => {
    const { door, order } = await booking([["D", 1], ["D", 2], ["D", 3], ["D", 4]], 2);
    const other = await world.admin(`door2-${crypto.randomUUID().slice(0, 6)}@example.com`);
    const [a, b] = await Promise.all([admitBooking(world.db, door, order.id, "all", staff), admitBooking(world.db, door, order.id, "all", other)]);
    const admitted = [...a!.admitted, ...b!.admitted].map((s) => `${s.row}${s.seatNumber}`).sort();
    expect(admitted).toEqual(["D1", "D2", "D3", "D4"]);
    const rows = await world.db.select().from(tickets).where(eq(tickets.orderId, order.id));
    expect(rows.every((t) => t.status === "admitted")).toBe(true);
    // And a code scanned at one door while the other admits the booking: still one admit.
    const { door: d2, order: o2 } = await booking([["D", 6]], 2);
    const [code] = ticketsWithCodes((await orderDetail(world.db, o2.id))!).map((t) => t.code);
    const [byCode, byLookup] = await Promise.all([admitTicket(world.db, code.toLowerCase(), d2, staff), admitBooking(world.db, d2, o2.id, "all", other)]);
    expect([byCode.result === "admitted", byLookup!.admitted.length === 1].filter(Boolean)).toHaveLength(1);
  });

  it("scans a lower-cased or spaced code, and an old (v1) code as printed", async () => {
    const { door, order } = await booking([["E", 7], ["E", 8]], 2);
    const detail = (await orderDetail(world.db, order.id))!;
    const [code] = ticketsWithCodes(detail).map((t) => t.code);
    const spaced = code.toLowerCase().replace(/(.{5})/g, "$1 ");
    expect(await admitTicket(world.db, spaced, door, staff)).toMatchObject({ result: "admitted", reference: formatBookingReference(order.reference) });
    const again = await admitTicket(world.db, code, door, staff);
    expect(again).toMatchObject({ result: "already_admitted" });
    expect((again as { admittedAt: string }).admittedAt).toMatch(/^\d{1,2}:\d{2} [AP]M$/);
    const old = signTicketCodeV1(ticketsWithCodes(detail)[1].ticket.id, process.env.TICKET_SIGNING_SECRET!);
    expect(await admitTicket(world.db, old, door, staff)).toMatchObject({ result: "admitted", row: "E", seatNumber: 8 });
  });

  it("does not admit a refunded booking", async () => {
    const { door, order } = await booking([["F", 1]], 2);
    await refundBooking(staff, { orderId: order.id });
    const result = (await admitBooking(world.db, door, order.id, "all", staff))!;
    expect(result).toMatchObject({ admitted: [], refunded: true });
    expect((await lookUpAtDoor(world.db, door, formatBookingReference(order.reference)))!.bookings[0].status).toBe("refunded");
  });
});

describe("refunds after the door", () => {
  it("are refused without a reason once a ticket was admitted, with nothing changed; with one, the reason is audited", async () => {
    const { door, order } = await booking([["H", 1], ["H", 2]], 2);
    await admitBooking(world.db, door, order.id, [(await orderDetail(world.db, order.id))!.tickets[0].id], staff);
    for (const reason of [undefined, "", "   "]) {
      const refused = await refundBooking(staff, { orderId: order.id, reason }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe("conflict");
      expect((refused as AppError).message).toContain("1 ticket of this booking was already admitted at the door. Give a reason");
    }
    const [still] = await world.db.select().from(orders).where(eq(orders.id, order.id));
    expect(still.status).toBe("paid");
    expect(await world.db.select().from(auditLog).where(eq(auditLog.targetId, order.id))).toHaveLength(1);

    expect(await refundBooking(staff, { orderId: order.id, reason: "Projector failed halfway" })).toEqual({ result: "refunded" });
    const entries = (await auditPage(world.db, 1, { kind: "order", theaterId: door.theaterId })).rows.filter((r) => r.entry.targetId === order.id);
    expect(entries).toHaveLength(1);
    expect(describeAuditEntry(entries[0].entry, { timeZone: door.timeZone, currency: "usd" })).toBe(
      `Refunded booking ${formatBookingReference(order.reference)} in full with 1 ticket already admitted. Reason: “Projector failed halfway”`,
    );
  });
});

describe("audit entries in words: the kinds added since the door (issues 18, 21, 22, 23)", () => {
  const c = { timeZone: "America/New_York", currency: "usd" };
  const say = (action: string, details: Record<string, unknown>) => describeAuditEntry({ action, details }, c);
  const cases: [string, Record<string, unknown>, string][] = [
    ["box_office.sale", { showId: "s", method: "cash", total: 2400, currency: "usd", seats: ["G11", "G12"], email: "ann@example.com" }, "Sold 2 seats (G11, G12) at the box office for $24.00, paid in cash · tickets to ann@example.com"],
    ["box_office.sale", { method: "card_terminal", total: 1250, currency: "eur", seats: ["A1"], email: null }, "Sold 1 seat (A1) at the box office for €12.50, paid on the card terminal"],
    ["house_seats.reserve", { seatIds: ["a", "b", "c"], note: "Press" }, "Kept 3 house seats off sale (“Press”)"],
    ["house_seats.release", { seatIds: ["a"] }, "Put 1 house seat back on sale"],
    ["order.swap", { swapId: "x", fromShowId: "a", toShowId: "b", seats: 2, difference: 350 }, "The customer swapped a booking to another show (2 seats; paid $3.50 more)"],
    ["order.swap", { seats: 1, difference: -200, reference: "K7QF2M9P" }, "The customer swapped booking K7QF-2M9P to another show (1 seat; $2.00 refunded)"],
    ["order.cancel_seats", { adjustmentId: "x", seats: ["B2", "B3"], refund: 2500 }, "The customer cancelled 2 seats (B2, B3): $25.00 back"],
    ["order.cancel_seats", { seats: ["Row B, seat 2", "Row B, seat 3"], refund: 1200, currency: "usd", reference: "K7QF2M9P", by: "staff", admitted: 1, reason: "Left early" }, "Refunded 2 seats (Row B, seat 2; Row B, seat 3) of booking K7QF-2M9P: $12.00 back with 1 ticket already admitted. Reason: “Left early”"],
    ["waitlist.offer", { offerId: "o", to: "fan@example.com", seats: ["E3", "E4"], together: true }, "Offered 2 seats (E3, E4) together to fan@example.com from the waitlist"],
    ["show.waiting_room.on", { showIds: ["a", "b"], from: "2026-12-05T23:00:00.000Z", perMinute: 100 }, "Opened a waiting line from Sat, Dec 5 6:00 PM, letting in 100 a minute, for 2 shows"],
    ["show.waiting_room.off", { showIds: ["a"] }, "Turned the waiting line off for 1 show"],
    ["show.price-card", { summary: "Orbit of Ash Fri 8:00 PM on Screen 1 now sells at Weekend (default)" }, "Orbit of Ash Fri 8:00 PM on Screen 1 now sells at Weekend (default)"],
    ["price-card.create", { summary: "Created price card Weekend: Fri–Sun", prices: "…" }, "Created price card Weekend: Fri–Sun"],
    ["price-card.update", {}, "Changed a price card"],
    ["price-card.retire", { summary: "Retired price card Weekend" }, "Retired price card Weekend"],
    ["price-card.restore", {}, "Put a price card back in use"],
    ["ticket-type.add", { summary: "Added ticket type Senior" }, "Added ticket type Senior"],
    ["ticket-type.update", {}, "Changed a ticket type"],
    ["ticket-type.move", { summary: "Moved Child up: Adult, Child" }, "Moved Child up: Adult, Child"],
    ["ticket-type.retire", {}, "Retired a ticket type"],
    ["ticket-type.restore", {}, "Put a ticket type back on sale"],
    ["promo-code.create", { summary: "Created promo code WELCOME" }, "Created promo code WELCOME"],
    ["promo-code.update", {}, "Changed a promo code"],
    ["promo-code.retire", {}, "Retired a promo code"],
    ["promo-code.restore", { summary: "Accepts again: WELCOME" }, "Accepts again: WELCOME"],
    ["pricing.fees-and-tax", {}, "Changed the booking fees and tax"],
  ];
  it.each(cases)("%s → a sentence from its details", (action, details, sentence) => {
    expect(say(action, details)).toBe(sentence);
  });

  it("every kind written with recordAudit in lib/ and app/ has its own sentence, not the key: value fallback", async () => {
    const { execFileSync } = await import("node:child_process");
    // Every call names its kind (or two, chosen by a condition) on its first line.
    const out = execFileSync("grep", ["-rh", "recordAudit(", "lib", "app"], { encoding: "utf8" });
    const kinds = new Set([...out.matchAll(/"([a-z_-]+\.[a-z_.-]+)"/g)].map((m) => m[1]));
    expect(kinds).toContain("order.swap");
    expect(kinds.size).toBeGreaterThan(30);
    for (const kind of kinds) expect(say(kind, { zzz: "marker" }), kind).not.toContain("zzz: marker");
  });
});

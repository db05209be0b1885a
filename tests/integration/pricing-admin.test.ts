import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { auditLog, movies, orderSeats, orders, priceCards, promoCodes, seats, shows, theaters, ticketTypes } from "@/db/schema";
import { paidLinesByTicketTypeIn, paidOrderFeesIn } from "@/db/queries/admin-dashboard";
import { revenueByTicketType } from "@/lib/admin/dashboard-report";
import { exportOrdersCsv } from "@/lib/admin/export-orders";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { insertDefaultTicketTypes, priceCardById, ticketTypesOfTheater } from "@/db/queries/pricing";
import type { AdminActor } from "@/lib/auth/session-user";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { scheduleShows } from "@/lib/catalog/schedule-shows";
import { setShowCard } from "@/lib/catalog/set-show-card";
import { feesAndTaxSchema } from "@/lib/pricing-admin/fees-and-tax-input";
import { priceCardSchema } from "@/lib/pricing-admin/price-card-input";
import { promoCodeSchema } from "@/lib/pricing-admin/promo-code-input";
import { saveFeesAndTax } from "@/lib/pricing-admin/save-fees-and-tax";
import { savePriceCardFromForm, setPriceCardRetiredFromForm } from "@/lib/pricing-admin/save-price-card";
import { savePromoCodeFromForm, setPromoCodeRetiredFromForm } from "@/lib/pricing-admin/save-promo-code";
import { addTicketType, moveTicketType, setTicketTypeRetired, updateTicketTypeFields } from "@/lib/pricing-admin/save-ticket-type";
import { createScreen } from "@/lib/venue/create-screen";
import { addDays, localDate } from "@/lib/time";
import { bookingWorld } from "../support/booking-fixture";
import { theaterWithDefaultCard } from "../support/default-card-fixture";
import { refusal } from "../support/refusal";

let world: Awaited<ReturnType<typeof bookingWorld>>;
let admin: AdminActor;
let pricing: Awaited<ReturnType<typeof theaterWithDefaultCard>>;
let otherTheaterTypeId: string;

beforeAll(async () => {
  world = await bookingWorld();
  admin = await world.admin("pricing-admin@example.com");
  pricing = await theaterWithDefaultCard(world.db);
  const [other] = await world.db.insert(theaters).values({ slug: "other", name: "Other Cinema", timeZone: "Europe/London", currency: "gbp" }).returning();
  otherTheaterTypeId = (await insertDefaultTicketTypes(world.db, other.id))[0].id;
});
afterAll(async () => {
  await world?.close();
});

const theaterId = () => pricing.theater.id;
const lastAudit = async (action: string) => (await world.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.createdAt)).limit(1))[0];
const typeId = (name: string) => pricing.byName(name).id;

/** A full grid: every tier on sale × the named types, from the amounts given per type. */
function grid(amounts: Record<string, string>) {
  return Object.fromEntries(pricing.tiers.map((tier) => [tier, Object.fromEntries(Object.entries(amounts).map(([name, text]) => [typeId(name), text]))]));
}

const card = (fields: Record<string, unknown>) => priceCardSchema.parse({ theaterId: theaterId(), ...fields });

describe("ticket types", () => {
  it("adds one at the end, refuses a live duplicate name (any case), renames, reorders and retires it, each audited in words", async () => {
    const { id } = await addTicketType(admin, { theaterId: theaterId(), name: "Member", note: "Show your card", minAge: 16, child: false });
    let list = await ticketTypesOfTheater(world.db, theaterId());
    expect(list.at(-1)).toMatchObject({ id, name: "Member", note: "Show your card", minAge: 16 });
    expect((await lastAudit("ticket-type.add")).details).toEqual({ summary: "Added ticket type Member (Show your card; from age 16)" });

    const dup = await refusal(addTicketType(admin, { theaterId: theaterId(), name: "member", note: "", child: false }));
    expect(dup.details?.fieldErrors).toEqual({ name: ["There is already a ticket type called member."] });

    await updateTicketTypeFields(admin, { id, name: "Members", note: "", minAge: undefined, child: false });
    await moveTicketType(admin, { id, direction: "up" });
    list = await ticketTypesOfTheater(world.db, theaterId());
    expect(list.map((t) => t.name).slice(-2)).toEqual(["Members", "Student"]);
    expect((await lastAudit("ticket-type.move")).details).toMatchObject({ summary: expect.stringMatching(/^Moved Members up: Adult, Child, Senior, Members, Student/) });

    await setTicketTypeRetired(admin, { id, retired: true });
    expect((await ticketTypesOfTheater(world.db, theaterId())).map((t) => t.id)).not.toContain(id);
    const last = list.at(-1)!;
    const atEnd = await refusal(moveTicketType(admin, { id: last.id, direction: "down" }));
    expect(atEnd.message).toBe("Student is already last.");
    const missing = await refusal(updateTicketTypeFields(admin, { id: "no-such-type", name: "X", note: "", child: false }));
    expect(missing.code).toBe("not_found");
  });
});

describe("price cards", () => {
  it("creates a matinee card with its rules and grid, audited with the prices in words", async () => {
    const { id } = await savePriceCardFromForm(admin, card({ name: "Matinee", startsBefore: "17:00", priority: 1, prices: grid({ Adult: "9.50", Child: "7", Senior: "7.50" }) }));
    const stored = await priceCardById(world.db, id);
    expect(stored).toMatchObject({ name: "Matinee", dayPartUntilMinute: 17 * 60, dayPartFromMinute: null, daysOfWeek: null, isDefault: false, priority: 1 });
    expect(stored!.prices.standard).toEqual({ [typeId("Adult")]: 950, [typeId("Child")]: 700, [typeId("Senior")]: 750 });
    const audit = await lastAudit("price-card.create");
    expect(audit.details).toMatchObject({ summary: "Created price card Matinee: starts before 17:00", prices: expect.stringContaining("Standard: Adult 9.50, Child 7.00, Senior 7.50") });
  });

  it("refuses a grid with a tier on sale left unpriced for an offered type, naming the tier and type, and stores nothing", async () => {
    const before = await world.db.select().from(priceCards);
    const prices = grid({ Adult: "12", Child: "8" });
    delete prices.premium[typeId("Child")];
    const err = await refusal(savePriceCardFromForm(admin, card({ name: "Gappy", prices })));
    expect(err.code).toBe("bad_input");
    expect(err.message).toBe("Premium seats are on sale but this card has no Premium price for Child.");
    expect(err.details?.fieldErrors).toEqual({ [`prices.premium.${typeId("Child")}`]: ["Missing: Premium seats are on sale. Price Child here, or clear Child in every tier."] });
    expect(await world.db.select().from(priceCards)).toHaveLength(before.length);
  });

  it("refuses another theater's ticket type, a retired type, a bad amount and an empty card", async () => {
    const foreign = await refusal(savePriceCardFromForm(admin, card({ name: "Foreign", prices: { standard: { [typeId("Adult")]: "10", [otherTheaterTypeId]: "5" } } })));
    expect(foreign.details?.fieldErrors).toEqual({ [`prices.standard.${otherTheaterTypeId}`]: ["That ticket type is not one of this theater's."] });
    const [retired] = await world.db.select().from(ticketTypes).where(and(eq(ticketTypes.theaterId, theaterId()), eq(ticketTypes.name, "Members")));
    const old = await refusal(savePriceCardFromForm(admin, card({ name: "Old", prices: { standard: { [retired.id]: "10" } } })));
    expect(old.message).toBe("Members is retired: clear its prices, or sell it again first.");
    const typo = await refusal(savePriceCardFromForm(admin, card({ name: "Typo", prices: grid({ Adult: "12,5O" }) })));
    expect(typo.message).toMatch(/: enter a price like 12.50\.$/);
    const empty = await refusal(savePriceCardFromForm(admin, card({ name: "Empty", prices: {} })));
    expect(empty.message).toBe("This card has no prices: give at least one ticket type a price in every tier.");
    expect(await world.db.select().from(priceCards).where(inArray(priceCards.name, ["Foreign", "Old", "Typo", "Empty"]))).toHaveLength(0);
  });

  it("refuses invalid rules: last day before first day, a day part that ends before it starts, a second default card", () => {
    const dates = priceCardSchema.safeParse({ theaterId: theaterId(), name: "Dates", validFrom: "2030-05-10", validUntil: "2030-05-01" });
    expect(!dates.success && dates.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["validUntil", "The last day comes on or after the first day."]]);
    const part = priceCardSchema.safeParse({ theaterId: theaterId(), name: "Part", startsFrom: "18:00", startsBefore: "17:00" });
    expect(!part.success && part.error.issues[0].path).toEqual(["startsBefore"]);
    return expect(refusal(savePriceCardFromForm(admin, card({ name: "Second default", isDefault: true, prices: grid({ Adult: "10" }) })))).resolves.toMatchObject({
      details: { fieldErrors: { isDefault: [`${pricing.defaultCard.name} is the default card: untick it there first.`] } },
    });
  });
});

describe("cards and shows", () => {
  let screenId: string;
  const tuesdayAfter = (days: number) => {
    let d = addDays(localDate(new Date(), pricing.theater.timeZone), days);
    while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 2) d = addDays(d, 1);
    return d;
  };

  beforeAll(async () => {
    screenId = (await createScreen(admin, { theaterId: theaterId(), name: "Pricing Screen", format: "IMAX", tiers: ["standard"], rows: 2, seatsPerRow: 4 })).id;
  });

  it("the week-at-once scheduler gives each day the card its rules pick: Tuesday card on Tuesday, else the default; an admin's choice overrides", async () => {
    const { id: tuesdayId } = await savePriceCardFromForm(admin, card({ name: "Tuesday", days: [2], priority: 5, prices: grid({ Adult: "6", Child: "5" }) }));
    const first = tuesdayAfter(2);
    const week = await scheduleShows(admin, { movieId: (await world.db.query.movies.findFirst())!.id, screenId, date: addDays(first, -3), time: "20:00", days: 7 });
    const rows = await world.db.select().from(shows).where(inArray(shows.id, week.showIds)).orderBy(asc(shows.startsAt));
    expect(rows.map((r) => r.priceCardId)).toEqual(week.dates.map((d) => (d === first ? tuesdayId : pricing.defaultCard.id)));
    expect(week.cards.find((c) => c.date === first)).toEqual({ date: first, card: "Tuesday", why: "its rules fit: Tuesdays" });
    expect((await lastAudit("show.schedule")).details).toMatchObject({ cards: expect.stringContaining("Tuesday (its rules fit: Tuesdays)") });

    const chosen = await scheduleShows(admin, { movieId: rows[0].movieId, screenId, date: addDays(first, 14), time: "10:00", days: 1, priceCardId: tuesdayId });
    const [show] = await world.db.select().from(shows).where(eq(shows.id, chosen.showIds[0]));
    expect(show).toMatchObject({ priceCardId: tuesdayId, priceCardOverridden: true, prices: { standard: 500 } });
    const noCard = await refusal(scheduleShows(admin, { movieId: rows[0].movieId, screenId, date: addDays(first, 15), time: "10:00", days: 1, priceCardId: "no-such-card" }));
    expect(noCard.details?.fieldErrors).toEqual({ priceCardId: ["Choose a price card of this theater that is not retired."] });
  });

  it("editing a card moves the prices of its shows without orders; a show with an order keeps its snapshot until an admin moves it", async () => {
    const { id: cardId } = await savePriceCardFromForm(admin, card({ name: "Late", startsFrom: "22:00", priority: 9, prices: grid({ Adult: "8" }) }));
    const date = tuesdayAfter(30);
    const { showIds } = await scheduleShows(admin, { movieId: (await world.db.query.movies.findFirst())!.id, screenId, date: addDays(date, 1), time: "22:30", days: 2 });
    const [sold, unsold] = showIds;
    const seatIds = (await world.db.select().from(seats).where(eq(seats.screenId, screenId))).map((s) => s.id);
    const buyer = await world.customer("snapshot");
    await holdSeats(world.db, { showId: sold, seatIds: seatIds.slice(0, 1) }, buyer.holder);
    await startCheckout(world.db, sold, buyer, "http://localhost:3999");

    const saved = await savePriceCardFromForm(admin, card({ id: cardId, name: "Late", startsFrom: "22:00", priority: 9, prices: grid({ Adult: "9" }) }));
    expect(saved).toMatchObject({ followed: 1, comingShows: 2, comingShowsWithOrders: 1 });
    const after = await world.db.select().from(shows).where(inArray(shows.id, showIds));
    const adult = typeId("Adult");
    expect(after.find((s) => s.id === sold)!.priceSnapshot!.prices.standard).toEqual({ [adult]: 800 });
    expect(after.find((s) => s.id === unsold)!.priceSnapshot!.prices.standard).toEqual({ [adult]: 900 });
    expect(after.find((s) => s.id === unsold)!.prices.standard).toBe(900);

    // An admin may still move a show with orders: its orders keep their lines, new sales take the card.
    await setShowCard(admin, { showId: sold, priceCardId: pricing.defaultCard.id });
    expect((await lastAudit("show.price-card")).details).toMatchObject({ summary: expect.stringMatching(/now sells at Standard \(chosen by an admin\); its orders so far keep their prices$/) });
    const moved = await setShowCard(admin, { showId: unsold, priceCardId: pricing.defaultCard.id });
    expect(moved).toMatchObject({ card: pricing.defaultCard.name, why: "chosen by an admin" });
    const back = await setShowCard(admin, { showId: unsold, priceCardId: null });
    expect(back).toMatchObject({ card: "Late", why: "its rules fit: starts at or after 22:00" });

    await setPriceCardRetiredFromForm(admin, { id: cardId, retired: true });
    const retired = await refusal(savePriceCardFromForm(admin, card({ id: cardId, name: "Late", prices: grid({ Adult: "9" }) })));
    expect(retired.message).toBe("Late is retired: use it again before changing it.");
  });
});

describe("fees and tax", () => {
  const form = (fields: Record<string, unknown>) => feesAndTaxSchema.parse({ theaterId: theaterId(), ...fields });

  it("saves fees per ticket and per order, a per-type fee, all-in display, the tax and the child rule, audited in words", async () => {
    await saveFeesAndTax(admin, form({ feePerTicket: "1.50", feePerOrder: "0.99", typeFees: { [typeId("Child")]: "0.50", [typeId("Adult")]: "" }, feesIncluded: true, taxRate: "20", taxIncluded: true, adultsOnlyRatings: ["R", "NC-17"] }));
    const [theater] = await world.db.select().from(theaters).where(eq(theaters.id, theaterId()));
    expect(theater).toMatchObject({ bookingFeePerTicket: 150, bookingFeePerOrder: 99, pricesIncludeFees: true, taxRateBp: 2000, pricesIncludeTax: true, adultsOnlyRatings: ["R", "NC-17"] });
    const types = await ticketTypesOfTheater(world.db, theaterId());
    expect(types.find((t) => t.name === "Child")!.feeAmount).toBe(50);
    expect(types.find((t) => t.name === "Adult")!.feeAmount).toBeNull();
    expect((await lastAudit("pricing.fees-and-tax")).details).toEqual({
      summary: "Booking fee 1.50 per ticket and 0.99 per order, inside listed prices; tax 20% included in prices; no child tickets for R, NC-17",
      typeFees: "Child: 0.50",
    });
  });

  it("refuses a bad fee, another theater's type and a bad tax rate, and changes nothing", async () => {
    const [before] = await world.db.select().from(theaters).where(eq(theaters.id, theaterId()));
    const err = await refusal(saveFeesAndTax(admin, form({ feePerTicket: "-1", typeFees: { [otherTheaterTypeId]: "1" }, taxRate: "8.25" })));
    expect(err.details?.fieldErrors).toEqual({ feePerTicket: ["Enter an amount like 1.50, or leave it empty for none."], [`typeFees.${otherTheaterTypeId}`]: ["That ticket type is not one of this theater's."] });
    const rate = feesAndTaxSchema.safeParse({ theaterId: theaterId(), taxRate: "8.125" });
    expect(!rate.success && rate.error.issues[0].message).toBe("Enter a rate like 20 or 8.25 (percent, up to 50).");
    const [after] = await world.db.select().from(theaters).where(eq(theaters.id, theaterId()));
    expect(after).toEqual(before);
  });
});

describe("promo codes", () => {
  const promo = (fields: Record<string, unknown>) => promoCodeSchema.parse({ theaterId: theaterId(), kind: "percent", amount: "10", per: "order", ...fields });

  it("creates a code stored as customers type it (upper case, no spaces), limited to days and types, audited in words", async () => {
    const { id, code } = await savePromoCodeFromForm(admin, promo({ code: " summer 10 ", days: ["2"], ticketTypeIds: [typeId("Child")], totalLimit: "10", perCustomerLimit: "1", validFrom: "2030-06-01", validUntil: "2030-08-31" }));
    expect(code).toBe("SUMMER10");
    const [row] = await world.db.select().from(promoCodes).where(eq(promoCodes.id, id));
    expect(row).toMatchObject({ code: "SUMMER10", kind: "percent", amount: 10, appliesTo: "order", daysOfWeek: [2], ticketTypeIds: [typeId("Child")], maxRedemptions: 10, perCustomerLimit: 1, retiredAt: null });
    expect(localDate(row.validFrom!, pricing.theater.timeZone)).toBe("2030-06-01");
    expect(localDate(new Date(row.validUntil!.getTime() - 1), pricing.theater.timeZone)).toBe("2030-08-31");
    expect((await lastAudit("promo-code.create")).details).toEqual({ summary: "Created promo code SUMMER10: 10% off the order · Tuesdays · Child tickets · 10 uses, 1 per customer" });
  });

  it("refuses a duplicate code (any case and spacing), bad dates, another theater's type, a show elsewhere, a limit below the uses so far", async () => {
    const count = (await world.db.select().from(promoCodes)).length;
    const dup = await refusal(savePromoCodeFromForm(admin, promo({ code: "Summer 10" })));
    expect(dup.details?.fieldErrors).toEqual({ code: ["SUMMER10 already exists: choose another code."] });
    const dates = promoCodeSchema.safeParse({ theaterId: theaterId(), code: "DATES", kind: "fixed", amount: "2", per: "ticket", validFrom: "2030-02-02", validUntil: "2030-02-01" });
    expect(!dates.success && dates.error.issues.map((i) => i.path.join("."))).toEqual(["validUntil"]);
    const pct = promoCodeSchema.safeParse({ theaterId: theaterId(), code: "PCT", kind: "percent", amount: "150", per: "order" });
    expect(!pct.success && pct.error.issues[0].message).toBe("Enter a whole percent from 1 to 100.");
    const foreign = await refusal(savePromoCodeFromForm(admin, promo({ code: "FOREIGN", ticketTypeIds: [otherTheaterTypeId], showIds: ["no-such-show"] })));
    expect(foreign.details?.fieldErrors).toEqual({ ticketTypeIds: ["That ticket type is not one of this theater's."], showIds: ["One of those shows is not at this theater."] });
    expect((await world.db.select().from(promoCodes)).length).toBe(count);

    const [summer] = await world.db.select().from(promoCodes).where(eq(promoCodes.code, "SUMMER10"));
    await world.db.update(promoCodes).set({ redemptions: 4 }).where(eq(promoCodes.id, summer.id));
    const low = await refusal(savePromoCodeFromForm(admin, promo({ id: summer.id, code: "SUMMER10", totalLimit: "3" })));
    expect(low.details?.fieldErrors).toEqual({ totalLimit: ["It has been used 4 times already: the limit cannot be lower."] });
    await setPromoCodeRetiredFromForm(admin, { id: summer.id, retired: true });
    const [retired] = await world.db.select().from(promoCodes).where(eq(promoCodes.id, summer.id));
    expect(retired.retiredAt).not.toBeNull();
    expect(retired.maxRedemptions).toBe(10);
  });
});

describe("reports by ticket type", () => {
  it("a paid 2 Adult + 1 Child order with a code shows in the dashboard figures and the CSV with gross, net, tax, fees and discount apart", async () => {
    const { pricedTheater } = await import("../support/pricing-fixture");
    const { show, seat } = await world.aShow(5);
    const sold = await pricedTheater(world.db, show.screenId);
    await sold.onSale(show.id);
    await world.db.update(movies).set({ rating: "PG" }).where(eq(movies.id, show.movieId));
    await sold.promo("REPORT10");
    const buyer = await world.customer("report");
    const seatIds = [seat("F", 1).id, seat("F", 2).id, seat("F", 3).id];
    await holdSeats(world.db, { showId: show.id, seatIds }, buyer.holder);
    const from = new Date();
    const types = { [seatIds[0]]: sold.adult.id, [seatIds[1]]: sold.adult.id, [seatIds[2]]: sold.child.id };
    const { orderId } = await startCheckout(world.db, show.id, buyer, "http://localhost:3999", { types, promoCode: "report 10" });
    const [pending] = await world.db.select().from(orders).where(eq(orders.id, orderId));
    world.stripe.complete(pending.stripeSessionId!);
    await syncOrderWithSession(world.db, pending.stripeSessionId!);
    const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order.status).toBe("paid");

    const since = [{ theaterId: theaterId(), from, to: new Date(Date.now() + 60_000) }];
    const { lines, total } = revenueByTicketType(await paidLinesByTicketTypeIn(world.db, since), await paidOrderFeesIn(world.db, since));
    const line = (name: string) => lines.find((l) => l.ticketType === name)!;
    const lineRows = await world.db.select().from(orderSeats).where(eq(orderSeats.orderId, orderId));
    const sum = (rows: typeof lineRows, key: "amount" | "tax" | "fee" | "discount") => rows.reduce((s, r) => s + r[key], 0);
    const adult = lineRows.filter((r) => r.ticketTypeName === "Adult");
    expect(line("Adult")).toMatchObject({ tickets: 2, gross: sum(adult, "amount"), tax: sum(adult, "tax"), fees: sum(adult, "fee"), discount: sum(adult, "discount") });
    expect(line("Child").tickets).toBe(1);
    expect(line("Order booking fees")).toMatchObject({ gross: order.orderFee, tax: order.orderFeeTax });
    // The figures add up to what was charged, to the cent.
    expect(total).toMatchObject({ tickets: 3, gross: order.totalAmount, tax: order.taxAmount, discount: order.discountAmount, net: order.totalAmount - order.taxAmount });

    const csv = await new Response((await exportOrdersCsv(admin, {})).stream).text();
    const [header, ...rows] = csv.trim().split("\r\n");
    // Cells split on commas outside quotes ("2 Adult, 1 Child" is one cell).
    const split = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, "").replace(/""/g, '"')).slice(0, header.split(",").length);
    const cells = Object.fromEntries(header.split(",").map((name, i) => [name, split(rows.find((r) => r.startsWith(orderId))!)[i]]));
    const money = (minor: number) => (minor / 100).toFixed(2);
    expect(cells).toMatchObject({
      total: money(order.totalAmount),
      net: money(order.totalAmount - order.taxAmount),
      tax: money(order.taxAmount),
      booking_fees: money(sum(lineRows, "fee") + order.orderFee - order.orderFeeTax),
      discount: money(order.discountAmount),
      promo_code: "REPORT10",
    });
    expect(cells.ticket_types).toBe("2 Adult, 1 Child");
  });
});

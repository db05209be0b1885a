import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { eq } from "drizzle-orm";
import { emailOutbox, movies, orders, priceCards, promoCodes, promoRedemptions, shows, tickets } from "@/db/schema";
import { orderDetail } from "@/db/queries/orders";
import { insertPriceCard, priceCardsOfTheater } from "@/db/queries/pricing";
import { holdSeats } from "@/lib/booking/holds";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { refundOrder } from "@/lib/booking/refund-order";
import { promoForShow, showPricing } from "@/lib/booking/show-pricing";
import { startCheckout } from "@/lib/booking/start-checkout";
import { orderPdf } from "@/lib/booking/ticket-bundle";
import { exportOrdersCsv } from "@/lib/admin/export-orders";
import { AppError } from "@/lib/errors";
import { computeBasket } from "@/lib/pricing/engine";
import { selectCard } from "@/lib/pricing/select-card";
import { applyPriceCard } from "@/lib/catalog/show-price-card";
import { OrderReceipt } from "@/components/order-receipt";
import { bookingWorld } from "../support/booking-fixture";
import { pricedTheater } from "../support/pricing-fixture";

let world: Awaited<ReturnType<typeof bookingWorld>>;
let pricing: Awaited<ReturnType<typeof pricedTheater>>;
beforeAll(async () => {
  world = await bookingWorld();
  pricing = await pricedTheater(world.db, (await world.aShow()).show.screenId);
});
afterAll(async () => {
  await world?.close();
});

const BASE = "http://localhost:3999";
const dir = mkdtempSync(path.join(tmpdir(), "marquee-pricing-"));

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

async function setRating(showId: string, rating: string) {
  const [show] = await world.db.select().from(shows).where(eq(shows.id, showId));
  await world.db.update(movies).set({ rating }).where(eq(movies.id, show.movieId));
}

/** A fresh show of Screen 1 on sale with the test card, and a customer holding `seats` there. */
async function held(offset: number, seats: [string, number][]) {
  const { show, seat } = await world.aShow(offset);
  await pricing.onSale(show.id);
  await setRating(show.id, "PG");
  const buyer = await world.customer("pricing");
  const seatIds = seats.map(([r, n]) => seat(r, n).id);
  await holdSeats(world.db, { showId: show.id, seatIds }, buyer.holder);
  return { show, buyer, seatIds };
}

const orderRow = async (id: string) => (await world.db.select().from(orders).where(eq(orders.id, id)))[0];
const ordersCount = async () => (await world.db.select({ id: orders.id }).from(orders)).length;

describe(`ticket types, fees, tax and promo codes at checkout (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("2 Adult + 1 Child with a promo code: the summary, Stripe's line items, the email, the PDF, the booking page and the CSV agree to the cent", async () => {
    const { show, buyer, seatIds } = await held(0, [["E", 5], ["E", 6], ["E", 7]]);
    const types = { [seatIds[0]]: pricing.adult.id, [seatIds[1]]: pricing.adult.id, [seatIds[2]]: pricing.child.id };

    // The summary: the browser prices with the same engine from what the page hands it.
    const view = (await showPricing(world.db, show.id))!;
    await pricing.promo("MARQUEE10");
    // Typed in lower case with spaces: accepted.
    const promo = await promoForShow(world.db, show.id, " marquee 10 ");
    const summary = computeBasket({
      snapshot: { cardId: null, cardName: "", takenAt: "", prices: view.prices },
      types: view.types,
      theaterId: view.theaterId,
      theater: view.theater,
      rating: view.rating,
      seats: seatIds.map((id) => ({ seatId: id, tier: "standard", ticketTypeId: types[id] })),
      promo,
    });
    if (!summary.ok) throw new Error(summary.message);
    // By hand: prices 1250 + 1250 + 900 = 3400; 10 % = 340 split 125/125/90; fee 150 each;
    // tax 8.88 % per line: (1250 − 125 + 150) → 113, (900 − 90 + 150) → 85; order fee 99 + 9 tax.
    expect(summary.basket.lines.map((l) => l.amount)).toEqual([1388, 1388, 1045]);
    expect(summary.basket.total).toBe(3929);

    const { orderId } = await startCheckout(world.db, show.id, buyer, BASE, { types, promoCode: " marquee 10 " });
    const order = await orderRow(orderId);
    expect(order).toMatchObject({ totalAmount: 3929, orderFee: 108, orderFeeTax: 9, taxAmount: 320, discountAmount: 340, promoCode: "MARQUEE10" });

    // Stripe: one item per seat line plus the order fee; they sum to the charge.
    const session = world.stripe.sessions.get(order.stripeSessionId!)!;
    const items = session.line_items.data;
    expect(items.map((i) => i.amount_total)).toEqual([1388, 1388, 1045, 108]);
    expect(session.amount_total).toBe(3929);
    expect(items.filter((i) => i.description.includes("Adult $12.50 + fee $1.50 + tax $1.13 − discount $1.25"))).toHaveLength(2);
    expect(items[2].description).toContain("Child $9.00 + fee $1.50 + tax $0.85 − discount $0.90");

    world.stripe.complete(order.stripeSessionId!);
    expect(await syncOrderWithSession(world.db, order.stripeSessionId!)).toBe("paid");
    const detail = (await orderDetail(world.db, orderId))!;
    expect(detail.seats.map((s) => [s.ticketTypeName, s.price, s.fee, s.tax, s.discount, s.amount])).toEqual([
      ["Adult", 1250, 150, 113, 125, 1388],
      ["Adult", 1250, 150, 113, 125, 1388],
      ["Child", 900, 150, 85, 90, 1045],
    ]);
    const [redemption] = await world.db.select().from(promoRedemptions).where(eq(promoRedemptions.orderId, orderId));
    expect(redemption.status).toBe("used");

    const receiptParts = ["2 × Adult (standard)", "$25.00", "1 × Child (standard)", "$9.00", "Booking fees", "$5.49", "Tax", "$3.20", "Discount (MARQUEE10)", "−$3.40", "$39.29"];
    // Email.
    const [email] = await world.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `booking-confirmed:${orderId}`));
    for (const part of [...receiptParts, "Adult · standard", "Child · standard"]) expect(email.html).toContain(part.replace("&", "&amp;"));
    // PDF, read back by pdftotext.
    const file = path.join(dir, "mixed.pdf");
    writeFileSync(file, await orderPdf(detail));
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    // (The PDF prints the minus as a hyphen: its font has no U+2212.)
    for (const part of ["Adult", "Child", "Total $39.29", "Booking fees $5.49", "Tax $3.20", "Discount (MARQUEE10) -$3.40", "$13.88", "$10.45"]) expect(text).toContain(part);
    // The booking page's receipt.
    const page = renderToStaticMarkup(<OrderReceipt order={detail.order} seats={detail.seats} />).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    for (const part of receiptParts) expect(page).toContain(part);
    // The CSV export's row.
    const csv = await new Response((await exportOrdersCsv(await world.admin(`csv-${crypto.randomUUID().slice(0, 6)}@example.com`), {})).stream).text();
    const row = csv.split("\n").find((l) => l.startsWith(orderId))!;
    expect(row).toContain("39.29");
  });

  it("a free order (100 % code, no fees) opens no payment session and is paid at once; a refund gives the use back", async () => {
    const [theaterBefore] = [pricing.theaterId];
    const { updateTheaterPricing } = await import("@/db/queries/pricing");
    await updateTheaterPricing(world.db, theaterBefore, { bookingFeePerTicket: 0, bookingFeePerOrder: 0, pricesIncludeFees: false, taxRateBp: 888, pricesIncludeTax: false, adultsOnlyRatings: ["R"] });
    try {
      const codeId = await pricing.promo("FREESHOW", { amount: 100, maxRedemptions: 1 });
      const { show, buyer } = await held(1, [["C", 3]]);
      const sessionsBefore = world.stripe.sessions.size;
      const { orderId, url } = await startCheckout(world.db, show.id, buyer, BASE, { promoCode: "freeshow" });
      expect(world.stripe.sessions.size).toBe(sessionsBefore);
      expect(url).toBe(`${BASE}/bookings/${orderId}`);
      const order = await orderRow(orderId);
      expect(order).toMatchObject({ status: "paid", totalAmount: 0, stripeSessionId: null });
      expect(await world.db.select().from(tickets).where(eq(tickets.orderId, orderId))).toHaveLength(1);
      const used = async () => (await world.db.select().from(promoCodes).where(eq(promoCodes.id, codeId)))[0].redemptions;
      expect(await used()).toBe(1);
      expect(await refundOrder(world.db, orderId, "admin")).toBe("refunded");
      expect(await used()).toBe(0);
    } finally {
      await updateTheaterPricing(world.db, theaterBefore, { bookingFeePerTicket: 150, bookingFeePerOrder: 99, pricesIncludeFees: false, taxRateBp: 888, pricesIncludeTax: false, adultsOnlyRatings: ["R", "NC-17"] });
    }
  });

  it("an expired checkout gives the code's use back", async () => {
    const codeId = await pricing.promo("ONCE", { maxRedemptions: 1 });
    const { show, buyer } = await held(2, [["D", 3]]);
    const { orderId } = await startCheckout(world.db, show.id, buyer, BASE, { promoCode: "ONCE" });
    const count = async () => (await world.db.select().from(promoCodes).where(eq(promoCodes.id, codeId)))[0].redemptions;
    expect(await count()).toBe(1);
    const second = await held(3, [["D", 4]]);
    expect((await refusal(startCheckout(world.db, second.show.id, second.buyer, BASE, { promoCode: "ONCE" }))).message).toMatch(/used up/);
    const order = await orderRow(orderId);
    world.stripe.expire(order.stripeSessionId!);
    expect(await syncOrderWithSession(world.db, order.stripeSessionId!)).toBe("expired");
    expect(await count()).toBe(0);
    const [r] = await world.db.select().from(promoRedemptions).where(eq(promoRedemptions.orderId, orderId));
    expect(r.status).toBe("released");
  });

  it("refuses, with a clear message and nothing changed, what the show does not sell", async () => {
    const { show, buyer, seatIds } = await held(4, [["F", 1]]);
    const [seat] = seatIds;
    const foreignTheater = crypto.randomUUID();
    const { theaters, ticketTypes } = await import("@/db/schema");
    await world.db.insert(theaters).values({ id: foreignTheater, slug: `other-${foreignTheater.slice(0, 6)}`, name: "Other", timeZone: "UTC" });
    const [foreign] = await world.db.insert(ticketTypes).values({ theaterId: foreignTheater, name: "Adult" }).returning();
    const [retired] = await world.db.insert(ticketTypes).values({ theaterId: pricing.theaterId, name: "Veteran", retiredAt: new Date() }).returning();
    await pricing.promo("OLDCODE", { validUntil: new Date(Date.now() - 60_000) });
    await pricing.promo("USEDUP", { maxRedemptions: 1 });
    await world.db.update(promoCodes).set({ redemptions: 1 }).where(eq(promoCodes.code, "USEDUP"));
    await pricing.promo("OTHERSHOW", { showIds: [crypto.randomUUID()] });
    const before = await ordersCount();
    const cases: [Parameters<typeof startCheckout>[4], RegExp][] = [
      [{ types: { [seat]: foreign.id } }, /not sold at this cinema/],
      [{ types: { [seat]: retired.id } }, /Veteran tickets are no longer sold/],
      [{ types: { [seat]: pricing.student.id } }, /Student tickets are not offered for standard seats/],
      [{ types: { [seat]: crypto.randomUUID() } }, /does not exist/],
      [{ promoCode: "old code" }, /OLDCODE has expired/],
      [{ promoCode: "usedup" }, /USEDUP has been used up/],
      [{ promoCode: "OtherShow" }, /not valid for this show/],
      [{ promoCode: "NOSUCH" }, /don't know the code NOSUCH/],
    ];
    for (const [choices, message] of cases) {
      const err = await refusal(startCheckout(world.db, show.id, buyer, BASE, choices));
      expect(err.code).toBe("bad_input");
      expect(err.message).toMatch(message);
    }
    await setRating(show.id, "R");
    const child = await refusal(startCheckout(world.db, show.id, buyer, BASE, { types: { [seat]: pricing.child.id } }));
    expect(child.message).toMatch(/Child tickets are not sold for this R-rated movie/);
    await setRating(show.id, "PG");
    expect(await ordersCount()).toBe(before);
    // The seats are still held: the customer can go on with a good choice.
    const ok = await startCheckout(world.db, show.id, buyer, BASE, { types: { [seat]: pricing.senior.id } });
    expect((await orderRow(ok.orderId)).totalAmount).toBe(1000 + 150 + Math.round(1150 * 0.0888) + 99 + Math.round(99 * 0.0888));
  });

  it("a card without a price for a tier the screen sells is refused for a show", async () => {
    const { show } = await world.aShow(5);
    const cardId = await insertPriceCard(world.db, { theaterId: pricing.theaterId, name: "Premium only", priority: 0, isDefault: false, daysOfWeek: null, dayPartFromMinute: null, dayPartUntilMinute: null, formats: null, validFrom: null, validUntil: null, prices: { premium: { [pricing.adult.id]: 2000 } } });
    const err = await refusal(applyPriceCard(world.db, show.id, { cardId, tiers: ["standard"] }));
    expect(err.message).toMatch(/no price for standard seats/);
    expect((await world.db.select().from(shows).where(eq(shows.id, show.id)))[0].priceCardId).toBeNull();
  });

  it("scheduling picks the card by the rules: matinee before 17:00, Tuesday, default otherwise", async () => {
    const theaterId = pricing.theaterId;
    // Only this test's cards are in use.
    await world.db.update(priceCards).set({ retiredAt: new Date() }).where(eq(priceCards.theaterId, theaterId));
    const p = { standard: { [pricing.adult.id]: 1000 } };
    const none = { daysOfWeek: null, dayPartFromMinute: null, dayPartUntilMinute: null, formats: null, validFrom: null, validUntil: null };
    await insertPriceCard(world.db, { theaterId, name: "Default", priority: 0, isDefault: true, ...none, prices: p });
    await insertPriceCard(world.db, { theaterId, name: "Matinee", priority: 0, isDefault: false, ...none, dayPartUntilMinute: 17 * 60, prices: p });
    await insertPriceCard(world.db, { theaterId, name: "Tuesday", priority: 5, isDefault: false, ...none, daysOfWeek: [2], prices: p });
    const cards = (await priceCardsOfTheater(world.db, theaterId)).filter((c) => ["Default", "Matinee", "Tuesday"].includes(c.name));
    const zone = "America/New_York";
    const pick = (iso: string) => selectCard(cards, { startsAt: new Date(iso), timeZone: zone, format: "standard" })?.name;
    expect(pick("2026-12-07T19:00:00Z")).toBe("Matinee"); // Monday 14:00
    expect(pick("2026-12-07T23:00:00Z")).toBe("Default"); // Monday 18:00
    expect(pick("2026-12-08T19:00:00Z")).toBe("Tuesday"); // Tuesday 14:00: priority beats matinee
    // And on a show in the database: the pick is snapshotted, shows.prices follows it.
    const { show } = await world.aShow(6);
    const card = await applyPriceCard(world.db, show.id, { cardId: null, tiers: ["standard"] });
    const [row] = await world.db.select().from(shows).where(eq(shows.id, show.id));
    expect(row.priceCardId).toBe(card!.id);
    expect(row.priceCardOverridden).toBe(false);
    expect(row.priceSnapshot?.cardName).toBe(card!.name);
    expect(row.prices).toEqual({ standard: 1000 });
  });
});

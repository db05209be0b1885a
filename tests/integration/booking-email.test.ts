import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { emailOutbox, orders, screens, shows, theaters } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { holdSeats } from "@/lib/booking/holds";
import { startCheckout } from "@/lib/booking/start-checkout";
import { syncOrderWithSession } from "@/lib/booking/lifecycle";
import { deliverDueEmails } from "@/lib/email/outbox";
import { kickOutbox } from "@/lib/email/kick";
import { bookingWorld } from "../support/booking-fixture";
import { startResendFake, type ResendFake } from "../support/resend-fake";

let world: Awaited<ReturnType<typeof bookingWorld>>;
let resend: ResendFake;
beforeAll(async () => {
  world = await bookingWorld();
  resend = await startResendFake({ apiKey: "re_test_marquee" });
  Object.assign(process.env, { RESEND_API_KEY: "re_test_marquee", RESEND_BASE_URL: resend.url });
  resetEnvForTests();
});
afterAll(async () => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvForTests();
  await resend?.close();
  await world?.close();
});

async function buy(seats: [string, number][]) {
  const { show, seat } = await world.aShow(3);
  const customer = await world.customer("mail");
  await holdSeats(world.db, { showId: show.id, seatIds: seats.map(([r, n]) => seat(r, n).id) }, customer.holder);
  const { orderId } = await startCheckout(world.db, show.id, customer, "http://localhost:3999");
  const [order] = await world.db.select().from(orders).where(eq(orders.id, orderId));
  world.stripe.complete(order.stripeSessionId!);
  return { order, customer, outcome: await syncOrderWithSession(world.db, order.stripeSessionId!) };
}

describe("ticket email through the real resend SDK", () => {
  it("arrives with a one-page-per-seat PDF and a calendar file", async () => {
    const { order, customer } = await buy([["F", 9], ["F", 10]]);
    await kickOutbox();
    const email = resend.sent.find((e) => e.to.includes(customer.email))!;
    expect(email).toBeDefined();
    expect(email.subject).toContain("Your tickets");
    expect(email.idempotencyKey).toBe(`booking-confirmed:${order.id}`);
    const pdfName = email.attachments.find((a) => a.filename.endsWith(".pdf"))!.filename;
    const pdf = resend.attachment(email, pdfName)!;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const file = path.join(tmpdir(), `marquee-${order.id}.pdf`);
    writeFileSync(file, pdf);
    expect(execFileSync("pdfinfo", [file]).toString()).toMatch(/Pages:\s+2\n/);
    const ics = resend.attachment(email, email.attachments.find((a) => a.filename.endsWith(".ics"))!.filename)!.toString();
    expect(ics).toContain("BEGIN:VEVENT");
  });

  it("names the show's tags and a Pacific theater's zone in the email and its PDF", async () => {
    // The seeded theater moved to Los Angeles and the show tagged, as an admin would (issue 19).
    const { show } = await world.aShow(3);
    const [screen] = await world.db.select().from(screens).where(eq(screens.id, show.screenId));
    await world.db.update(theaters).set({ timeZone: "America/Los_Angeles" }).where(eq(theaters.id, screen.theaterId));
    await world.db.update(shows).set({ tags: ["audio-description", "imax"] }).where(eq(shows.id, show.id));
    const { customer } = await buy([["H", 9]]);
    await kickOutbox();
    const email = resend.sent.find((e) => e.to.includes(customer.email))!;
    const pacific = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(show.startsAt);
    expect(pacific).toMatch(/ P[SD]T$/);
    for (const part of [email.text!, email.html!, email.subject]) expect(part).toContain(pacific);
    expect(email.text).toContain("IMAX · Audio description");
    expect(email.html).toContain("IMAX · Audio description");
    const file = path.join(tmpdir(), `marquee-tags-${customer.email}.pdf`);
    writeFileSync(file, resend.attachment(email, email.attachments.find((a) => a.filename.endsWith(".pdf"))!.filename)!);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    expect(text).toContain("IMAX · Audio description");
    expect(text).toContain(pacific);
  });

  it("a failing provider leaves the booking paid and the email retried later, sent once", async () => {
    resend.setFailing(true, 500);
    const { order, outcome } = await buy([["G", 9]]);
    expect(outcome).toBe("paid");
    await kickOutbox();
    const [row] = await world.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `booking-confirmed:${order.id}`));
    expect(row.status).toBe("pending");
    expect(row.attempts).toBeGreaterThanOrEqual(1);
    expect(row.lastError).toBeTruthy();
    expect((await world.db.select().from(orders).where(eq(orders.id, order.id)))[0].status).toBe("paid");

    resend.setFailing(false);
    const later = new Date(row.nextAttemptAt.getTime() + 1000);
    await deliverDueEmails({ now: later });
    await deliverDueEmails({ now: later });
    const [sent] = await world.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
    expect(sent.status).toBe("sent");
    expect(resend.sent.filter((e) => e.idempotencyKey === `booking-confirmed:${order.id}`)).toHaveLength(1);
  });
});

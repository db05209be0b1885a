import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../support/test-db";
import { startResendFake, type ResendFake } from "../support/resend-fake";
import type { Database } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { requeueEmail } from "@/db/queries/email-outbox";
import { deliverDueEmails, enqueueEmail, MAX_ATTEMPTS } from "@/lib/email/outbox";
import { getEmailTransport, type EmailTransport } from "@/lib/email/transport";
import { runWithRequestId } from "@/lib/request-context";
import { queueTemplateEmail } from "@/lib/email/queue-template-email";
import { kickOutbox } from "@/lib/email/kick";

let database: Database;
let resend: ResendFake;
let dataDir: string;
const savedEnv = { ...process.env };

// Every byte value, so a base64 slip anywhere on the way shows up.
const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from("\n%%EOF\n")]);
const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:The Long Projection\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

function useResend() {
  process.env.RESEND_API_KEY = resend.apiKey;
  process.env.RESEND_BASE_URL = resend.url;
  resetEnvForTests();
}

function useLocalOutbox() {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  resetEnvForTests();
}

beforeAll(async () => {
  database = await createTestDatabase();
  resend = await startResendFake();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "marquee-outbox-"));
  process.env.DATA_DIR = dataDir;
  process.env.EMAIL_FROM = "Marquee <tickets@marquee.test>";
});
afterAll(async () => {
  process.env = savedEnv;
  resetEnvForTests();
  await resend?.close();
  await database?.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  resend.reset();
  await database.db.delete(emailOutbox);
  useResend();
});

const row = async (id: string) => (await database.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0];

function queueConfirmation(orderId: string, db = database.db) {
  return queueTemplateEmail(db, {
    dedupeKey: `booking-confirmed:${orderId}`,
    to: "ana@example.com",
    template: "booking-confirmed",
    props: {
      movieTitle: "The Long Projection",
      theaterName: "Marquee Downtown",
      screenName: "Screen 1",
      startsAt: "Saturday, November 21 at 7:30 PM EST",
      seats: [
        { label: "Row F, Seat 7", tier: "Standard", price: "$14.50" },
        { label: "Row F, Seat 8", tier: "Premium", price: "$18.50" },
      ],
      total: "$33.00",
      orderId,
      reference: "K7QF-2M9P",
      bookingsUrl: "http://localhost:3000/bookings",
    },
    attachments: [
      { filename: "tickets.pdf", contentType: "application/pdf", content: pdf },
      { filename: "show.ics", contentType: "text/calendar; charset=utf-8", content: ics },
    ],
  });
}

describe(`email outbox (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("delivers a booking confirmation through the real resend SDK with the PDF and the .ics attached", async () => {
    const { queued, id } = await queueConfirmation("order-1");
    expect(queued).toBe(true);
    expect(getEmailTransport().kind).toBe("resend");

    expect(await deliverDueEmails({ limit: 10 })).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    expect(resend.sent).toHaveLength(1);
    const [email] = resend.sent;
    expect(email).toMatchObject({ from: "Marquee <tickets@marquee.test>", to: ["ana@example.com"], idempotencyKey: "booking-confirmed:order-1" });
    expect(email.subject).toContain("The Long Projection");
    expect(email.html).toContain("Row F, Seat 8");
    expect(email.text).toContain("Row F, Seat 7");
    expect(email.attachments.map((a) => [a.filename, a.content_type])).toEqual([
      ["tickets.pdf", "application/pdf"],
      ["show.ics", "text/calendar; charset=utf-8"],
    ]);
    expect(resend.attachment(email, "tickets.pdf")!.equals(pdf)).toBe(true);
    expect(resend.attachment(email, "show.ics")!.toString("utf8")).toBe(ics);

    const sent = await row(id!);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, providerId: email.id, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(await deliverDueEmails()).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
  });

  it("sends the id of the request that queued an email to the provider", async () => {
    await runWithRequestId("req-queued-it-0001", () => queueConfirmation("order-req"));
    await runWithRequestId("req-delivers-it-0002", () => deliverDueEmails({ limit: 10 }));
    const email = resend.sent.find((e) => e.idempotencyKey === "booking-confirmed:order-req");
    expect(email?.headers).toEqual({ "X-Marquee-Request-Id": "req-queued-it-0001" });
  });

  it("queues one email per dedupe key, and concurrent delivery runs send each exactly once", async () => {
    expect((await queueConfirmation("order-2")).queued).toBe(true);
    expect(await queueConfirmation("order-2")).toEqual({ queued: false, id: null });
    // Inside a transaction too, as fulfilment does it.
    await database.db.transaction(async (tx) => {
      expect((await queueConfirmation("order-2", tx as never)).queued).toBe(false);
      for (let i = 0; i < 11; i++) {
        await enqueueEmail(tx, { dedupeKey: `bulk:${i}`, template: "test", to: `u${i}@example.com`, subject: `n${i}`, html: `<p>${i}</p>` });
      }
    });

    const reports = await Promise.all([1, 2, 3, 4].map(() => deliverDueEmails({ limit: 5 })));
    const more = await Promise.all([1, 2].map(() => deliverDueEmails({ limit: 20 })));
    const sentCount = [...reports, ...more].reduce((n, r) => n + r.sent, 0);
    expect(sentCount).toBe(12);
    expect(resend.sent).toHaveLength(12);
    expect(new Set(resend.sent.map((e) => e.idempotencyKey)).size).toBe(12);
    const rows = await database.db.select().from(emailOutbox);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("keeps a failed email pending with its error, retries after the backoff, and sends it", async () => {
    const { id } = await queueConfirmation("order-3");
    resend.setFailing(true, 500);
    const t0 = new Date();
    expect(await deliverDueEmails({ now: t0 })).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    let r = await row(id!);
    expect(r).toMatchObject({ status: "pending", attempts: 1, sentAt: null });
    expect(r.lastError).toMatch(/500/);
    expect(r.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);

    resend.setFailing(false);
    expect((await deliverDueEmails({ now: new Date(t0.getTime() + 10_000) })).claimed).toBe(0);

    resend.failNext(1, 429);
    expect(await deliverDueEmails({ now: new Date(t0.getTime() + 31_000) })).toMatchObject({ claimed: 1, retrying: 1 });
    r = await row(id!);
    expect(r).toMatchObject({ status: "pending", attempts: 2 });
    expect(r.lastError).toMatch(/429 rate_limit_exceeded/);
    // The second failure waits two minutes.
    expect(r.nextAttemptAt.getTime()).toBe(t0.getTime() + 31_000 + 120_000);

    expect(await deliverDueEmails({ now: new Date(t0.getTime() + 31_000 + 121_000) })).toMatchObject({ claimed: 1, sent: 1 });
    r = await row(id!);
    expect(r).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(resend.sent).toHaveLength(1);
    expect(resend.requests.filter((q) => q.path === "/emails").map((q) => q.status)).toEqual([500, 429, 200]);
  });

  it("a crash between the provider's accept and the mark does not send twice", async () => {
    const { id } = await queueConfirmation("order-4");
    const real = getEmailTransport();
    const crashAfterSend: EmailTransport = {
      kind: "resend",
      async send(email) {
        await real.send(email);
        throw new Error("process died before marking the row");
      },
    };
    const t0 = new Date();
    await deliverDueEmails({ now: t0, transport: crashAfterSend });
    expect(resend.sent).toHaveLength(1);
    expect((await row(id!)).status).toBe("pending");

    await deliverDueEmails({ now: new Date(t0.getTime() + 60_000) });
    expect(resend.sent).toHaveLength(1);
    expect(await row(id!)).toMatchObject({ status: "sent", attempts: 2, providerId: resend.sent[0].id });
  });

  it("gives up after MAX_ATTEMPTS, keeps the row with its error, and can requeue it", async () => {
    const { id } = await queueConfirmation("order-5");
    resend.setFailing(true);
    let now = new Date();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverDueEmails({ now });
      now = new Date(now.getTime() + 13 * 3_600_000);
    }
    expect(await row(id!)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect((await deliverDueEmails({ now })).claimed).toBe(0);

    resend.setFailing(false);
    expect(await requeueEmail(database.db, id!)).toBe(true);
    expect((await deliverDueEmails()).sent).toBe(1);
    expect((await row(id!)).status).toBe("sent");
  });

  it("marks an email the provider refuses as malformed failed at once", async () => {
    const { id } = await enqueueEmail(database.db, {
      dedupeKey: "broken:1",
      template: "test",
      to: "ana@example.com",
      subject: "broken",
      html: "<p>x</p>",
      attachments: [{ filename: "x.pdf", contentType: "application/pdf", contentBase64: "not base64!" }],
    });
    expect(await deliverDueEmails()).toMatchObject({ failed: 1 });
    const r = await row(id!);
    expect(r).toMatchObject({ status: "failed", attempts: 1 });
    expect(r.lastError).toMatch(/422/);
  });

  it("kickOutbox delivers what was just queued and never throws", async () => {
    await queueConfirmation("order-6");
    await queueConfirmation("order-7");
    await Promise.all([kickOutbox(), kickOutbox()]);
    expect(resend.sent.map((e) => e.idempotencyKey).sort()).toEqual(["booking-confirmed:order-6", "booking-confirmed:order-7"]);
  });

  it("without RESEND_API_KEY, the local outbox marks rows sent and writes a copy under DATA_DIR", async () => {
    useLocalOutbox();
    expect(getEmailTransport().kind).toBe("outbox");
    const { id } = await queueConfirmation("order-8");
    expect(await deliverDueEmails()).toMatchObject({ sent: 1 });
    expect(resend.requests).toHaveLength(0);
    const r = await row(id!);
    expect(r).toMatchObject({ status: "sent", providerId: `outbox:${id}`, attempts: 1 });
    expect(r.html).toContain("Row F, Seat 7");
    expect(r.attachments!.map((a) => a.filename)).toEqual(["tickets.pdf", "show.ics"]);
    expect(r.payload.text).toContain("Row F, Seat 7");

    const file = JSON.parse(await readFile(path.join(dataDir, "outbox", `${id}.json`), "utf8"));
    expect(file).toMatchObject({ id, to: "ana@example.com", subject: r.subject });
    expect(Buffer.from(file.attachments[0].contentBase64, "base64").equals(pdf)).toBe(true);
  });
});

import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { buildLogger, maskEmail, requestLog } from "@/lib/log";
import { runWithRequestId } from "@/lib/request-context";

// What reaches the log must never contain a secret or a whole email address, however it got
// there: a field, a header, an error's message or stack, or the message text itself.

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      raw.push(String(chunk));
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = buildLogger(sink);
  logger.level = "debug";
  return { logger, lines, raw, text: () => JSON.stringify(lines) };
}

describe("log redaction", () => {
  it("masks email addresses to the first letter and the domain", () => {
    expect(maskEmail("jane.doe@example.com")).toBe("j***@example.com");
    expect(maskEmail("write to a+b@mail.co.uk or x@y.io")).toBe("write to a***@mail.co.uk or x***@y.io");
    expect(maskEmail(maskEmail("jane@example.com"))).toBe("j***@example.com");
  });

  it("masks emails in fields, nested objects, arrays and the message", () => {
    const { logger, lines, text } = capture();
    logger.info({ to: "ana.lopez@example.com", order: { email: "ben@example.org", cc: ["cleo@example.net"] } }, "mailed ana.lopez@example.com");
    expect(lines[0]).toMatchObject({ to: "a***@example.com", order: { email: "b***@example.org", cc: ["c***@example.net"] }, msg: "mailed a***@example.com" });
    expect(text()).not.toMatch(/ana\.lopez|ben@|cleo@/);
  });

  it("redacts headers and secrets by field name at any depth", () => {
    const { logger, lines, text } = capture();
    logger.info(
      {
        req: { headers: { authorization: "Bearer abc.def", cookie: "authjs.session-token=s3cr3t", "stripe-signature": "t=1,v1=ff" } },
        apiKey: "re_live_key",
        config: { STRIPE_SECRET_KEY: "sk_live_abc", password: "hunter2", sessionToken: "tok" },
        count: 3,
      },
      "incoming",
    );
    expect(lines[0]).toMatchObject({
      req: { headers: { authorization: "[redacted]", cookie: "[redacted]", "stripe-signature": "[redacted]" } },
      apiKey: "[redacted]",
      config: { STRIPE_SECRET_KEY: "[redacted]", password: "[redacted]", sessionToken: "[redacted]" },
      count: 3,
    });
    expect(text()).not.toMatch(/abc\.def|s3cr3t|hunter2|sk_live_abc/);
  });

  it("redacts keys and signatures quoted inside text", () => {
    const { logger, text } = capture();
    logger.warn(
      { detail: "sent Authorization: Bearer eyJhbGciOi.payload with sk_test_51Habc and whsec_abcDEF123=, sig t=1700000000,v1=deadbeef01" },
      "key re_AbCdEfGhIjKlMnOpQrSt refused",
    );
    expect(text()).not.toMatch(/eyJhbGciOi|sk_test_51Habc|whsec_abcDEF123|deadbeef01|re_AbCdEfGhIjKlMnOpQrSt/);
    expect(text()).toContain("[redacted]");
  });

  it("scrubs errors: message, stack and their own fields", () => {
    const { logger, lines, text } = capture();
    const err = Object.assign(new Error("resend 422: invalid `to` address dora@example.com"), { apiKey: "re_secret_value_1234567890" });
    logger.error({ err }, "send failed");
    logger.error(new Error("no such user eve@example.com"));
    expect(lines[0].err).toMatchObject({ type: "Error", message: "resend 422: invalid `to` address d***@example.com", apiKey: "[redacted]" });
    expect(String((lines[0].err as { stack: string }).stack)).toContain("d***@example.com");
    expect(lines[1]).toMatchObject({ msg: "no such user e***@example.com", err: { message: "no such user e***@example.com" } });
    expect(text()).not.toMatch(/dora@|eve@|re_secret_value/);
  });

  it("puts the request id on every line written inside a request, once", () => {
    const { logger, lines } = capture();
    runWithRequestId("req-0123456789", () => {
      logger.info("first");
      logger.child({ orderId: "o1" }).info("second");
    });
    logger.info("outside");
    expect(lines.map((l) => l.reqId)).toEqual(["req-0123456789", "req-0123456789", undefined]);
  });

  it("requestLog() binds the id for work that outlives the request, without repeating it", () => {
    const bound = runWithRequestId("req-abcdefghij", () => requestLog({ job: "mail" }));
    expect(bound.bindings()).toMatchObject({ reqId: "req-abcdefghij", job: "mail" });
    const { logger, raw } = capture();
    runWithRequestId("req-0123456789", () => logger.child({ job: "x" }).info("inside"));
    expect(raw.join("").match(/"reqId"/g)).toHaveLength(1);
  });
});

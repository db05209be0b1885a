import { describe, expect, it } from "vitest";
import { groupTicketCode, looksLikeTicketCode, signTicketCode as signV2, signTicketCodeV1 as signTicketCode, verifyTicketCode } from "@/lib/tickets/code";

const SECRET = "unit-test-secret-unit-test-secret-0001";
const OTHER = "unit-test-secret-unit-test-secret-0002";
const TICKET = "0b6f5c1e-8d7a-4c2b-9f3e-1a2b3c4d5e6f";

// Re-encodes a code after `edit` changes its raw bytes, keeping the format valid.
function tamper(code: string, edit: (raw: Buffer) => void): string {
  const raw = Buffer.from(code.slice(4), "base64url");
  edit(raw);
  return code.slice(0, 4) + raw.toString("base64url");
}

describe("v1 ticket codes (issued before issue 23, still scanned)", () => {
  it("round-trips a ticket id", () => {
    const code = signTicketCode(TICKET, SECRET);
    expect(code.startsWith("MQ1.")).toBe(true);
    expect(verifyTicketCode(code, SECRET)).toEqual({ ok: true, ticketId: TICKET });
  });

  it("is compact and URL-safe", () => {
    const code = signTicketCode(TICKET, SECRET);
    console.info(`ticket code: ${code} (${code.length} chars)`);
    expect(code.length).toBeLessThan(60);
    expect(code).toMatch(/^MQ1\.[A-Za-z0-9_-]+$/);
  });

  it("gives each ticket its own code and signs deterministically", () => {
    const other = "1b6f5c1e-8d7a-4c2b-9f3e-1a2b3c4d5e6f";
    expect(signTicketCode(TICKET, SECRET)).toBe(signTicketCode(TICKET, SECRET));
    expect(signTicketCode(other, SECRET)).not.toBe(signTicketCode(TICKET, SECRET));
  });

  it("normalises an upper-case ticket id to the canonical form", () => {
    const code = signTicketCode(TICKET.toUpperCase(), SECRET);
    expect(code).toBe(signTicketCode(TICKET, SECRET));
    expect(verifyTicketCode(code, SECRET)).toEqual({ ok: true, ticketId: TICKET });
  });

  it("refuses a code whose ticket id was altered, byte by byte", () => {
    const code = signTicketCode(TICKET, SECRET);
    for (let i = 1; i <= 16; i++) {
      const forged = tamper(code, (raw) => {
        raw[i] ^= 0x01;
      });
      expect(verifyTicketCode(forged, SECRET), `payload byte ${i}`).toEqual({ ok: false, reason: "bad_signature" });
    }
  });

  it("refuses a code whose signature was altered, byte by byte", () => {
    const code = signTicketCode(TICKET, SECRET);
    for (let i = 17; i < 29; i++) {
      const forged = tamper(code, (raw) => {
        raw[i] ^= 0x80;
      });
      expect(verifyTicketCode(forged, SECRET), `signature byte ${i}`).toEqual({ ok: false, reason: "bad_signature" });
    }
  });

  it("refuses another ticket's signature on this ticket's id", () => {
    const a = Buffer.from(signTicketCode(TICKET, SECRET).slice(4), "base64url");
    const b = Buffer.from(signTicketCode("1b6f5c1e-8d7a-4c2b-9f3e-1a2b3c4d5e6f", SECRET).slice(4), "base64url");
    const spliced = "MQ1." + Buffer.concat([a.subarray(0, 17), b.subarray(17)]).toString("base64url");
    expect(verifyTicketCode(spliced, SECRET)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a code signed under a different secret", () => {
    expect(verifyTicketCode(signTicketCode(TICKET, OTHER), SECRET)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("tolerates whitespace around the code, from a scanner or a paste", () => {
    const code = signTicketCode(TICKET, SECRET);
    for (const padded of [` ${code}`, `${code}\n`, `\t ${code} \r\n`]) {
      expect(verifyTicketCode(padded, SECRET)).toEqual({ ok: true, ticketId: TICKET });
    }
  });

  it("calls garbage malformed", () => {
    const code = signTicketCode(TICKET, SECRET);
    const body = code.slice(4);
    const garbage = [
      "",
      "   ",
      "hello",
      "MQ1.",
      "MQ1.!!!",
      body,
      `MQ2.${body}`,
      `MQ1:${body}`,
      `MQ1.${body}A`,
      `MQ1.${body.slice(1)}`,
      `MQ1.${body.slice(0, 10)} ${body.slice(11)}`,

      `MQ1.${body.slice(0, -1)}=`,
      `MQ1.${body.replace(/-/g, "+").replace(/_/g, "/")}x`,
      TICKET,
      `https://example.com/?code=${code}`,
    ];
    for (const input of garbage) {
      expect(verifyTicketCode(input, SECRET), JSON.stringify(input)).toEqual({ ok: false, reason: "malformed" });
    }
    expect(verifyTicketCode(undefined as unknown as string, SECRET)).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses a second spelling of the same bytes", () => {
    const code = signTicketCode(TICKET, SECRET);
    // 29 bytes leave two unused low bits in the last character; setting one decodes to the same bytes.
    const last = code.at(-1)!;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const twin = code.slice(0, -1) + alphabet[alphabet.indexOf(last) | 1];
    expect(twin).not.toBe(code);
    expect(Buffer.from(twin.slice(4), "base64url")).toEqual(Buffer.from(code.slice(4), "base64url"));
    expect(verifyTicketCode(twin, SECRET)).toEqual({ ok: false, reason: "malformed" });
  });

  it("calls an unknown version malformed, even when the rest is intact", () => {
    const forged = tamper(signTicketCode(TICKET, SECRET), (raw) => {
      raw[0] = 2;
    });
    expect(verifyTicketCode(forged, SECRET)).toEqual({ ok: false, reason: "malformed" });
  });

  it("accepts a lower-case prefix and spaces anywhere, but not a changed case in the body", () => {
    const code = signTicketCode(TICKET, SECRET);
    const body = code.slice(4);
    expect(verifyTicketCode(`mq1.${body}`, SECRET)).toEqual({ ok: true, ticketId: TICKET });
    expect(verifyTicketCode(`MQ1. ${body.slice(0, 10)} ${body.slice(10, 20)} ${body.slice(20)}`, SECRET)).toEqual({ ok: true, ticketId: TICKET });
    // base64 cannot fold case: the lower-cased body is another payload, whose signature fails.
    expect(verifyTicketCode(code.toLowerCase(), SECRET).ok).toBe(false);
  });

  it("refuses to sign something that is not a ticket id, or with an empty secret", () => {
    expect(() => signTicketCode("not-a-uuid", SECRET)).toThrow(/UUID/);
    expect(() => signTicketCode(`${TICKET}x`, SECRET)).toThrow(/UUID/);
    expect(() => signTicketCode(TICKET, "")).toThrow(/secret/);
    expect(() => verifyTicketCode(signTicketCode(TICKET, SECRET), "")).toThrow(/secret/);
  });
});

describe("v2 ticket codes (case-insensitive)", () => {
  it("round-trips, and scans lower-cased, spaced, dashed or grouped as printed", () => {
    const code = signV2(TICKET, SECRET);
    console.info(`v2 ticket code: ${code} (${code.length} chars), printed ${groupTicketCode(code)}`);
    expect(code).toMatch(/^MQ2[2-9A-HJ-NP-Z]{42}$/);
    for (const typed of [code, code.toLowerCase(), groupTicketCode(code), groupTicketCode(code).toLowerCase().replace(/ /g, "-").replace(/^mq2-/, "mq2"), ` ${code.slice(0, 20)} ${code.slice(20)}\n`]) {
      expect(verifyTicketCode(typed, SECRET), typed).toEqual({ ok: true, ticketId: TICKET });
    }
    expect(looksLikeTicketCode(code.toLowerCase())).toBe(true);
    expect(looksLikeTicketCode("g12")).toBe(false);
  });

  it("refuses every altered character, another secret, a v1 signature replayed and stray bits", () => {
    const code = signV2(TICKET, SECRET);
    const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    for (let i = 3; i < code.length - 1; i++) {
      const c = alphabet[(alphabet.indexOf(code[i]) + 1) % 32];
      expect(verifyTicketCode(code.slice(0, i) + c + code.slice(i + 1), SECRET).ok, `char ${i}`).toBe(false);
    }
    expect(verifyTicketCode(signV2(TICKET, OTHER), SECRET)).toEqual({ ok: false, reason: "bad_signature" });
    // 26 bytes leave two spare bits in the last symbol: setting one is a second spelling, refused.
    const last = alphabet.indexOf(code.at(-1)!);
    expect(verifyTicketCode(code.slice(0, -1) + alphabet[last | 1], SECRET)).toEqual({ ok: false, reason: "malformed" });
    for (const bad of [code.slice(0, -1), code + "2", code.replace(/^MQ2/, "MQ3"), code.slice(0, 10) + "0" + code.slice(11), code.slice(0, 10) + "O" + code.slice(11)]) {
      expect(verifyTicketCode(bad, SECRET).ok, bad).toBe(false);
    }
  });
});

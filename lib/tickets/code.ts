import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { secretOrDevSecret } from "@/lib/secrets/dev-secrets";

// A ticket code is what the QR carries and what staff may type at the door. Two versions scan:
//
// v2 (issued now): "MQ2" + base32( ticket id as 16 raw bytes | HMAC-SHA256 truncated to 10 bytes )
//   26 bytes -> 42 characters from a 32-symbol alphabet without 0/O or 1/I, 45 with the prefix.
//   Case, spaces and dashes never matter, so a code read aloud or typed on a phone keyboard in
//   lower case still scans; upper-case letters and digits also make QR's denser alphanumeric mode.
//   80 bits of MAC: an online guesser at a rate-limited door gets nowhere near it.
// v1 (issued before issue 23; still accepted): "MQ1." + base64url( 1 | id(16) | HMAC(12) ),
//   43 characters. base64 is case-sensitive: its letters must be typed as printed (spaces are
//   ignored); staff without a camera look the booking up by reference or seat instead.
//
// The show is not in the code: check-in looks the ticket up by id and compares its show there,
// so a code never has to be reissued when data changes. Every MAC compare is constant-time.

const V1_PREFIX = "MQ1.";
const V1_VERSION = 1;
const V2_PREFIX = "MQ2";
const ID_BYTES = 16;
const V1_MAC_BYTES = 12;
const V2_MAC_BYTES = 10;
const V1_RAW_BYTES = 1 + ID_BYTES + V1_MAC_BYTES;
const V1_BODY_CHARS = Math.ceil((V1_RAW_BYTES * 8) / 6);
const V2_RAW_BYTES = ID_BYTES + V2_MAC_BYTES;
const V2_BODY_CHARS = Math.ceil((V2_RAW_BYTES * 8) / 5);
// The MAC input is domain-separated so the same secret can never vouch for anything but a ticket,
// and each version has its own context so a v1 signature can never be replayed as a v2 one.
const V1_CONTEXT = Buffer.from("marquee/ticket-code\0", "utf8");
const V2_CONTEXT = Buffer.from("marquee/ticket-code/v2\0", "utf8");
const BASE32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export type TicketCodeCheck =
  | { ok: true; ticketId: string }
  | { ok: false; reason: "malformed" | "bad_signature" };

/** The code printed on a ticket today (v2). */
export function signTicketCode(ticketId: string, secret: string): string {
  const id = ticketIdBytes(ticketId);
  requireSecret(secret);
  return V2_PREFIX + base32Encode(Buffer.concat([id, mac(V2_CONTEXT, id, secret, V2_MAC_BYTES)]));
}

/** The v1 code a ticket issued before v2 carries; kept so tests can prove such codes still scan. */
export function signTicketCodeV1(ticketId: string, secret: string): string {
  const id = ticketIdBytes(ticketId);
  requireSecret(secret);
  const payload = Buffer.concat([Buffer.from([V1_VERSION]), id]);
  return V1_PREFIX + Buffer.concat([payload, mac(V1_CONTEXT, payload, secret, V1_MAC_BYTES)]).toString("base64url");
}

/** "MQ2ABCDE…" → "MQ2 ABCDE FGHJK …": how a code is printed for a person to read. */
export function groupTicketCode(code: string): string {
  if (!code.startsWith(V2_PREFIX)) return code;
  return [V2_PREFIX, ...(code.slice(V2_PREFIX.length).match(/.{1,6}/g) ?? [])].join(" ");
}

export function verifyTicketCode(code: string, secret: string): TicketCodeCheck {
  requireSecret(secret);
  // Whitespace never belongs to a code: a scanner's trailing newline, a paste, a grouped print.
  const text = typeof code === "string" ? code.replace(/\s+/g, "") : "";
  const head = text.slice(0, V1_PREFIX.length).toUpperCase();
  if (head === V1_PREFIX) return verifyV1(text.slice(V1_PREFIX.length), secret);
  if (head.startsWith(V2_PREFIX)) return verifyV2(text.slice(V2_PREFIX.length).replace(/-/g, "").toUpperCase(), secret);
  return { ok: false, reason: "malformed" };
}

/** True for text that is meant as a ticket code (so the door admits it rather than searching). */
export function looksLikeTicketCode(text: string): boolean {
  const bare = text.replace(/\s+/g, "").toUpperCase();
  return (bare.startsWith(V1_PREFIX) || bare.startsWith(V2_PREFIX)) && bare.length > 20;
}

function verifyV1(body: string, secret: string): TicketCodeCheck {
  if (body.length !== V1_BODY_CHARS || !BASE64URL.test(body)) return { ok: false, reason: "malformed" };
  const raw = Buffer.from(body, "base64url");
  // Refuse non-canonical spellings (stray low bits in the last character) so one ticket has one code.
  if (raw.length !== V1_RAW_BYTES || raw.toString("base64url") !== body) return { ok: false, reason: "malformed" };
  if (raw[0] !== V1_VERSION) return { ok: false, reason: "malformed" };
  const payload = raw.subarray(0, 1 + ID_BYTES);
  if (!timingSafeEqual(raw.subarray(1 + ID_BYTES), mac(V1_CONTEXT, payload, secret, V1_MAC_BYTES))) return { ok: false, reason: "bad_signature" };
  return { ok: true, ticketId: formatUuid(payload.subarray(1)) };
}

function verifyV2(body: string, secret: string): TicketCodeCheck {
  if (body.length !== V2_BODY_CHARS) return { ok: false, reason: "malformed" };
  const raw = base32Decode(body, V2_RAW_BYTES);
  if (!raw) return { ok: false, reason: "malformed" };
  const id = raw.subarray(0, ID_BYTES);
  if (!timingSafeEqual(raw.subarray(ID_BYTES), mac(V2_CONTEXT, id, secret, V2_MAC_BYTES))) return { ok: false, reason: "bad_signature" };
  return { ok: true, ticketId: formatUuid(id) };
}

/** The signing secret: TICKET_SIGNING_SECRET, or outside production a generated development one. */
export function ticketSecret(): string {
  return secretOrDevSecret("TICKET_SIGNING_SECRET", "at least 32 characters");
}

function mac(context: Buffer, payload: Buffer, secret: string, bytes: number): Buffer {
  return createHmac("sha256", secret).update(context).update(payload).digest().subarray(0, bytes);
}

function ticketIdBytes(ticketId: string): Buffer {
  if (!UUID.test(ticketId)) throw new Error(`Ticket id must be a UUID, got "${ticketId}"`);
  return Buffer.from(ticketId.replace(/-/g, ""), "hex");
}

function requireSecret(secret: string) {
  // An empty key would make every code forgeable; fail loudly rather than sign with it.
  if (typeof secret !== "string" || secret.length === 0) throw new Error("Ticket signing secret is empty");
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function base32Encode(bytes: Buffer): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Exactly `length` bytes, or null for a foreign symbol or stray spare bits (one code per ticket). */
function base32Decode(text: string, length: number): Buffer | null {
  const out = Buffer.alloc(length);
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const c of text) {
    const v = BASE32.indexOf(c);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      if (n >= length) return null;
      out[n++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  if (n !== length || (value & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

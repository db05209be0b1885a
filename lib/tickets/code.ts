import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { secretOrDevSecret } from "@/lib/secrets/dev-secrets";

// A ticket code is what the QR carries and what staff may type at the door:
//   "MQ1." + base64url( version(1) | ticket id as 16 raw bytes | HMAC-SHA256 truncated to 12 bytes )
// 29 bytes -> 39 characters, 43 with the prefix. The show is not in the code: check-in looks the
// ticket up by id and compares its show there, so a code never has to be reissued when data changes.
// 96 bits of MAC is far beyond what an online guesser at a door can try.

const PREFIX = "MQ1.";
const VERSION = 1;
const ID_BYTES = 16;
const MAC_BYTES = 12;
const RAW_BYTES = 1 + ID_BYTES + MAC_BYTES;
const BODY_CHARS = Math.ceil((RAW_BYTES * 8) / 6);
// The MAC input is domain-separated so the same secret can never vouch for anything but a ticket.
const CONTEXT = Buffer.from("marquee/ticket-code\0", "utf8");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export type TicketCodeCheck =
  | { ok: true; ticketId: string }
  | { ok: false; reason: "malformed" | "bad_signature" };

export function signTicketCode(ticketId: string, secret: string): string {
  if (!UUID.test(ticketId)) throw new Error(`Ticket id must be a UUID, got "${ticketId}"`);
  requireSecret(secret);
  const payload = Buffer.concat([Buffer.from([VERSION]), Buffer.from(ticketId.replace(/-/g, ""), "hex")]);
  return PREFIX + Buffer.concat([payload, mac(payload, secret)]).toString("base64url");
}

export function verifyTicketCode(code: string, secret: string): TicketCodeCheck {
  requireSecret(secret);
  const text = typeof code === "string" ? code.trim() : "";
  if (!text.startsWith(PREFIX)) return { ok: false, reason: "malformed" };
  const body = text.slice(PREFIX.length);
  if (body.length !== BODY_CHARS || !BASE64URL.test(body)) return { ok: false, reason: "malformed" };
  const raw = Buffer.from(body, "base64url");
  // Refuse non-canonical spellings (stray low bits in the last character) so one ticket has one code.
  if (raw.length !== RAW_BYTES || raw.toString("base64url") !== body) return { ok: false, reason: "malformed" };
  if (raw[0] !== VERSION) return { ok: false, reason: "malformed" };

  const payload = raw.subarray(0, 1 + ID_BYTES);
  if (!timingSafeEqual(raw.subarray(1 + ID_BYTES), mac(payload, secret))) return { ok: false, reason: "bad_signature" };
  return { ok: true, ticketId: formatUuid(payload.subarray(1)) };
}

/** The signing secret: TICKET_SIGNING_SECRET, or outside production a generated development one. */
export function ticketSecret(): string {
  return secretOrDevSecret("TICKET_SIGNING_SECRET", "at least 32 characters");
}

function mac(payload: Buffer, secret: string): Buffer {
  return createHmac("sha256", secret).update(CONTEXT).update(payload).digest().subarray(0, MAC_BYTES);
}

function requireSecret(secret: string) {
  // An empty key would make every code forgeable; fail loudly rather than sign with it.
  if (typeof secret !== "string" || secret.length === 0) throw new Error("Ticket signing secret is empty");
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

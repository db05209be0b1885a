import "server-only";
import path from "node:path";
import { createHash } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { Resend } from "resend";
import type { OutboxAttachment } from "@/db/schema";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type OutgoingEmail = {
  /** The outbox row id. */
  id: string;
  /** The outbox dedupe key: the provider's idempotency key, so a resend after a crash is a no-op there. */
  dedupeKey: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text?: string;
  attachments: OutboxAttachment[];
  /** The id of the request that queued the email, sent along so the provider's logs meet ours. */
  requestId?: string;
};

export type SendResult = { ok: true; providerId: string } | { ok: false; error: string; permanent: boolean };

export type EmailTransport = { kind: "resend" | "outbox"; send(email: OutgoingEmail): Promise<SendResult> };

// Resend keeps idempotency keys for 24 hours and accepts at most 256 characters.
function idempotencyKey(dedupeKey: string): string {
  return dedupeKey.length <= 256 ? dedupeKey : `sha256:${createHash("sha256").update(dedupeKey).digest("hex")}`;
}

// Resend answers a malformed email with 400/422: sending it again cannot succeed. Auth errors
// (401/403) are retried on purpose: fixing the key should let the queued mail go out.
function permanent(error: { statusCode?: number | null; name?: string }): boolean {
  return (error.statusCode === 400 || error.statusCode === 422) && error.name !== "invalid_idempotency_key";
}

function resendTransport(client: Resend): EmailTransport {
  return {
    kind: "resend",
    async send(email) {
      const { data, error } = await client.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          attachments: email.attachments.map((a) => ({ filename: a.filename, content: a.contentBase64, contentType: a.contentType })),
          ...(email.requestId ? { headers: { "X-Marquee-Request-Id": email.requestId } } : {}),
        },
        { idempotencyKey: idempotencyKey(email.dedupeKey) },
      );
      if (error || !data) {
        const e = (error ?? { message: "Resend answered without an id" }) as { message: string; name?: string; statusCode?: number | null };
        return { ok: false, error: `resend ${e.statusCode ?? "network"} ${e.name ?? "error"}: ${e.message}`, permanent: permanent(e) };
      }
      return { ok: true, providerId: data.id };
    },
  };
}

// The embedded default has no mail provider: the outbox row (in PGlite under DATA_DIR, or in
// Postgres) is the mailbox the dev page reads. Each email is also written as one JSON file under
// <DATA_DIR>/outbox/ so a developer can open it without the app; the file is a copy, the row is
// the record.
function outboxTransport(dir: string): EmailTransport {
  return {
    kind: "outbox",
    async send(email) {
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${email.id}.json`);
      const document = { ...email, writtenAt: new Date().toISOString() };
      // Write then rename, so a reader never sees half a file.
      await writeFile(`${file}.tmp`, JSON.stringify(document, null, 2));
      await rename(`${file}.tmp`, file);
      return { ok: true, providerId: `outbox:${email.id}` };
    },
  };
}

let override: EmailTransport | undefined;
let cachedResend: { key: string; baseUrl: string | undefined; transport: EmailTransport } | undefined;
let warnedOutbox = false;

/** Resend when RESEND_API_KEY is set, else the local outbox. Read on every call, so tests can switch. */
export function getEmailTransport(): EmailTransport {
  if (override) return override;
  const e = env();
  if (e.RESEND_API_KEY) {
    if (cachedResend?.key !== e.RESEND_API_KEY || cachedResend.baseUrl !== e.RESEND_BASE_URL) {
      // Passing baseUrl explicitly: the SDK would otherwise read process.env.RESEND_BASE_URL itself.
      const client = new Resend(e.RESEND_API_KEY, e.RESEND_BASE_URL ? { baseUrl: e.RESEND_BASE_URL } : undefined);
      cachedResend = { key: e.RESEND_API_KEY, baseUrl: e.RESEND_BASE_URL, transport: resendTransport(client) };
    }
    return cachedResend.transport;
  }
  if (e.NODE_ENV === "production" && !warnedOutbox) {
    warnedOutbox = true;
    log.warn("RESEND_API_KEY is not set: emails are kept in the local outbox and not delivered to anyone");
  }
  return outboxTransport(path.resolve(e.DATA_DIR, "outbox"));
}

export function setEmailTransportForTests(transport: EmailTransport | undefined) {
  override = transport;
}

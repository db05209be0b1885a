import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";

// A fake of Resend's email API for the real resend SDK. The SDK reads RESEND_BASE_URL from
// process.env when a Resend client is constructed (or takes `baseUrl` in its options), so a
// test sets it, or the app's RESEND_BASE_URL setting, to `fake.url` before building a client.
// It speaks Resend's wire format: JSON bodies, Bearer auth, `{ id }` answers, errors as
// `{ statusCode, name, message }`, and Idempotency-Key replays.

export type FakeAttachment = { filename: string; content: string; content_type?: string };

export type FakeEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  attachments: FakeAttachment[];
  headers?: Record<string, string>;
  idempotencyKey?: string;
  receivedAt: Date;
};

export type FakeResendRequest = { method: string; path: string; idempotencyKey?: string; status: number };

export type ResendFake = {
  url: string;
  apiKey: string;
  /** Every accepted email, in order; an idempotent replay adds nothing. */
  sent: FakeEmail[];
  /** Every request, including refused and failed ones. */
  requests: FakeResendRequest[];
  /** The next `count` sends fail: 500 (application error) or 429 (rate limit). */
  failNext(count?: number, status?: 500 | 429): void;
  /** Every send fails until switched off. */
  setFailing(failing: boolean, status?: 500 | 429): void;
  /** An attachment of a sent email, decoded. */
  attachment(email: FakeEmail, filename: string): Buffer | undefined;
  reset(): void;
  close(): Promise<void>;
};

type Answer = { status: number; body: unknown };

const error = (statusCode: number, name: string, message: string): Answer => ({ status: statusCode, body: { statusCode, name, message } });

const failure = (status: 500 | 429): Answer =>
  status === 429
    ? error(429, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second. See rate limit response headers for more information.")
    : error(500, "application_error", "An unexpected error occurred, please try again later (injected by the Resend fake).");

function asList(value: unknown): string[] | undefined {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  return undefined;
}

function validate(body: Record<string, unknown>): Answer | FakeEmail {
  const from = body.from;
  const to = asList(body.to);
  if (typeof from !== "string" || !from) return error(422, "missing_required_field", "Missing `from` field.");
  if (!to || to.length === 0) return error(422, "missing_required_field", "Missing `to` field.");
  if (to.length > 50) return error(422, "validation_error", "Too many recipients: `to` accepts up to 50.");
  if (typeof body.subject !== "string" || !body.subject) return error(422, "missing_required_field", "Missing `subject` field.");
  if (typeof body.html !== "string" && typeof body.text !== "string") {
    return error(422, "validation_error", "Missing `html` or `text` field.");
  }
  const attachments: FakeAttachment[] = [];
  for (const raw of (body.attachments as unknown[] | undefined) ?? []) {
    const a = raw as Record<string, unknown>;
    if (typeof a.filename !== "string" || !a.filename) return error(422, "validation_error", "Attachment `filename` is required.");
    if (typeof a.content !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(a.content)) {
      return error(422, "validation_error", `Attachment ${a.filename}: \`content\` must be base64.`);
    }
    attachments.push({ filename: a.filename, content: a.content, content_type: typeof a.content_type === "string" ? a.content_type : undefined });
  }
  return {
    id: randomUUID(),
    from,
    to,
    subject: body.subject,
    html: typeof body.html === "string" ? body.html : undefined,
    text: typeof body.text === "string" ? body.text : undefined,
    attachments,
    headers: body.headers as Record<string, string> | undefined,
    receivedAt: new Date(),
  };
}

export async function startResendFake(opts: { apiKey?: string } = {}): Promise<ResendFake> {
  const apiKey = opts.apiKey ?? "re_test_marquee";
  const sent: FakeEmail[] = [];
  const requests: FakeResendRequest[] = [];
  const idempotent = new Map<string, { fingerprint: string; answer: Answer }>();
  let failNextCount = 0;
  let failNextStatus: 500 | 429 = 500;
  let failingStatus: 500 | 429 | undefined;

  function handle(method: string, path: string, headers: http.IncomingHttpHeaders, raw: string): Answer {
    const key = headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    if (!key) return error(401, "missing_api_key", "Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY");
    if (key !== apiKey) return error(403, "invalid_api_key", "API key is invalid");

    const get = path.match(/^\/emails\/([^/]+)$/);
    if (method === "GET" && get) {
      const email = sent.find((e) => e.id === get[1]);
      return email ? { status: 200, body: { object: "email", ...email } } : error(404, "not_found", "Email not found");
    }
    if (method !== "POST" || path !== "/emails") return error(404, "not_found", "The requested endpoint does not exist.");

    if (failingStatus) return failure(failingStatus);
    if (failNextCount > 0) {
      failNextCount--;
      return failure(failNextStatus);
    }
    const idempotencyKey = headers["idempotency-key"] as string | undefined;
    if (idempotencyKey) {
      if (idempotencyKey.length > 256) return error(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
      const saved = idempotent.get(idempotencyKey);
      if (saved) {
        return saved.fingerprint === raw
          ? saved.answer
          : error(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload. Change your idempotency key or payload.");
      }
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw);
    } catch {
      return error(422, "validation_error", "Request body must be JSON.");
    }
    const result = validate(body);
    if ("status" in result) return result;
    result.idempotencyKey = idempotencyKey;
    sent.push(result);
    const answer = { status: 200, body: { id: result.id } };
    if (idempotencyKey) idempotent.set(idempotencyKey, { fingerprint: raw, answer });
    return answer;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const path = new URL(req.url ?? "/", "http://fake").pathname;
      const answer = handle(method, path, req.headers, Buffer.concat(chunks).toString("utf8"));
      const idempotencyKey = req.headers["idempotency-key"] as string | undefined;
      requests.push({ method, path, idempotencyKey, status: answer.status });
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    sent,
    requests,
    failNext(count = 1, status = 500) {
      failNextCount = count;
      failNextStatus = status;
    },
    setFailing(failing, status = 500) {
      failingStatus = failing ? status : undefined;
    },
    attachment(email, filename) {
      const a = email.attachments.find((x) => x.filename === filename);
      return a ? Buffer.from(a.content, "base64") : undefined;
    },
    reset() {
      sent.length = 0;
      requests.length = 0;
      idempotent.clear();
      failNextCount = 0;
      failingStatus = undefined;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

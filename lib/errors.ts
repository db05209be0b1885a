import type { z } from "zod";

/** The error codes the v1 API documents (lib/api/schemas.ts publishes them in its OpenAPI document). */
export const API_ERROR_CODES = [
  "invalid_request",
  "unauthenticated",
  "forbidden",
  "not_found",
  "seat_unavailable",
  "show_closed",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "unavailable",
  "internal",
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

// Typed error codes, in one table: the HTTP status every action result, route handler and the
// v1 API answer with, and the code the v1 API documents for it. Pure: client components import
// the types, and pages read ?error= codes against it.
export const errorTable = {
  bad_input: { status: 400, api: "invalid_request" },
  unauthenticated: { status: 401, api: "unauthenticated" },
  forbidden: { status: 403, api: "forbidden" },
  not_found: { status: 404, api: "not_found" },
  // The v1 API tells a seat taken (details.taken) from a show that closed: see apiCodeOf.
  conflict: { status: 409, api: "show_closed" },
  gone: { status: 410, api: "show_closed" },
  payload_too_large: { status: 413, api: "payload_too_large" },
  unsupported_media_type: { status: 415, api: "unsupported_media_type" },
  rate_limited: { status: 429, api: "rate_limited" },
  unavailable: { status: 503, api: "unavailable" },
  internal: { status: 500, api: "internal" },
} as const satisfies Record<string, { status: number; api: ApiErrorCode }>;

export type ErrorCode = keyof typeof errorTable;

export const errorStatus = Object.fromEntries(Object.entries(errorTable).map(([code, row]) => [code, row.status])) as {
  [C in ErrorCode]: (typeof errorTable)[C]["status"];
};

export const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status() {
    return errorStatus[this.code];
  }
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; details?: Record<string, unknown> };

export type Failure = Extract<ActionResult<never>, { ok: false }>;

/** A zod failure's messages by field ("seatIds.0", "date", …); `whole` names a problem with the input as a whole. */
export function fieldErrorsOf(error: z.ZodError, whole = "input"): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[issue.path.join(".") || whole] ??= []).push(issue.message);
  return fields;
}

/** The bad_input a form shows: the message on top, each field's own messages beside it. */
export function badInput(fieldErrors: Record<string, string[]>, message = "Please check the highlighted fields."): AppError {
  return new AppError("bad_input", message, { fieldErrors });
}

/** A field error for checks zod cannot make (a taken slug). */
export function fieldError(field: string, message: string): AppError {
  return badInput({ [field]: [message] }, message);
}

/**
 * Turns anything thrown into a result safe to show a user: unknown errors never leak their text,
 * and field errors an AppError carries come back beside the form's fields.
 */
export function toFailure(err: unknown): Failure {
  if (!(err instanceof AppError)) return { ok: false, code: "internal", message: INTERNAL_MESSAGE };
  const { fieldErrors, ...rest } = err.details ?? {};
  const details = Object.keys(rest).length ? rest : undefined;
  return {
    ok: false,
    code: err.code,
    message: err.message,
    ...(fieldErrors ? { fieldErrors: fieldErrors as Record<string, string[]> } : {}),
    ...(details ? { details } : {}),
  };
}

/** Retry-After for a refusal that says when to come back (rate limits). */
export function retryAfterHeader(err: unknown): Record<string, string> {
  const seconds = err instanceof AppError ? err.details?.retryAfterSeconds : undefined;
  return typeof seconds === "number" ? { "retry-after": String(seconds) } : {};
}

/** A route handler's error answer: {"error":{"code","message","fieldErrors?","details?"}} with the table's status. */
export function errorResponse(err: unknown): Response {
  const { ok: _ok, ...error } = toFailure(err);
  return Response.json({ error }, { status: errorStatus[error.code], headers: { "cache-control": "no-store", ...retryAfterHeader(err) } });
}

/**
 * What a page shows for its ?error=: the URL carries only a code of the table, the page its own
 * words for the codes it expects. An unknown code, or one the page has no words for, shows nothing,
 * so a link can never put its own text in the page's alert box.
 */
export function messageForErrorParam(value: string | string[] | undefined, messages: Partial<Record<ErrorCode, string>>): string | null {
  const code = Array.isArray(value) ? value[0] : value;
  return code && Object.hasOwn(messages, code) && Object.hasOwn(errorTable, code) ? (messages[code as ErrorCode] ?? null) : null;
}

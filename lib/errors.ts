// Typed error codes, mapped to HTTP statuses and user-facing messages in one place.
export const errorStatus = {
  bad_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

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

/** Turns anything thrown into a result safe to show a user: unknown errors never leak their text. */
export function toFailure(err: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (err instanceof AppError) return { ok: false, code: err.code, message: err.message, details: err.details };
  return { ok: false, code: "internal", message: "Something went wrong on our side. Please try again." };
}

export function errorResponse(err: unknown): Response {
  const failure = toFailure(err);
  return Response.json({ error: { code: failure.code, message: failure.message, details: failure.details } }, { status: errorStatus[failure.code] });
}
